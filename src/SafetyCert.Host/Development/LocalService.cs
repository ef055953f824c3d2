namespace SafetyCert.Host.Development;

/// <summary>
/// A local service <c>dev</c> needs (Azurite, MailDev) from infra/local/node_modules: reused when something
/// already listens on all its ports, otherwise started through <see cref="NodeProcess"/> and killed with its whole
/// process tree on dispose.
/// </summary>
internal sealed class LocalService : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly NodeProcess? process;

    private LocalService(string name, IReadOnlyList<int> ports, NodeProcess? process)
    {
        Name = name;
        Ports = ports;
        this.process = process;
    }

    public string Name { get; }

    public IReadOnlyList<int> Ports { get; }

    /// <summary>Whether this run started the service (and so stops it).</summary>
    public bool Started => process is not null;

    /// <summary>Reuses a service listening on every port, or starts <paramref name="binary"/> and waits until it listens on them.</summary>
    public static async Task<LocalService> ReuseOrStartAsync(
        string name, string localFolder, string binary, IReadOnlyList<int> ports, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var listening = new List<int>();
        foreach (var port in ports)
        {
            if (await NodeProcess.IsListeningAsync(port))
            {
                listening.Add(port);
            }
        }

        if (listening.Count == ports.Count)
        {
            return new LocalService(name, ports, null);
        }

        if (listening.Count > 0)
        {
            throw new InvalidOperationException(
                $"{name} needs ports {string.Join(", ", ports)} on 127.0.0.1, but only {string.Join(", ", listening)} answer: something else holds them. Stop it and run dev again.");
        }

        var service = new LocalService(name, ports, NodeProcess.Start(name, localFolder, binary, arguments));
        try
        {
            await service.process!.WaitUntilListeningAsync(ports, StartTimeout, cancellationToken);
            return service;
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    /// <summary>Kills the service's process tree if this run started it.</summary>
    public void Dispose() => process?.Dispose();
}
