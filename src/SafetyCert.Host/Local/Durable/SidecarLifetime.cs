namespace SafetyCert.Host.Local;

/// <summary>
/// The sidecar's host starts and stops only when <see cref="LocalDurableBackend"/> says so. The default console
/// lifetime would also react to Ctrl+C and SIGTERM, racing the app's own, ordered shutdown.
/// </summary>
internal sealed class SidecarLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
