using System.Text.Json;

namespace SafetyCert.Testing;

/// <summary>A private MailDev: an SMTP server on a free port and its REST API to read what arrived.</summary>
public sealed class MailDev : NodeService
{
    private readonly HttpClient http;

    private MailDev(int smtpPort, int webPort)
        : base("maildev", ["--smtp", $"{smtpPort}", "--web", $"{webPort}", "--ip", "127.0.0.1", "--silent"])
    {
        SmtpPort = smtpPort;
        WebPort = webPort;
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    public static async Task<MailDev> StartAsync()
    {
        var mailDev = new MailDev(FreePort(), FreePort());
        try
        {
            await mailDev.StartAsync(mailDev.SmtpPort, mailDev.WebPort);
            return mailDev;
        }
        catch
        {
            await mailDev.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every message received so far, as MailDev's <c>GET /api/email</c> returns it.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetEmailsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(new Uri("api/email", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>Deletes every received message.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync(new Uri("api/email/all", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public new async ValueTask DisposeAsync()
    {
        http.Dispose();
        await base.DisposeAsync();
    }
}
