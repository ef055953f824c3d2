using System.Net.Http.Json;
using System.Text.Json;
using SafetyCert.Testing;

namespace SafetyCert.Benchmarks;

/// <summary>
/// MailDev's summary listing (<c>GET /api/email/summary</c>: a few hundred bytes per e-mail, pages of at most 200), to
/// count a large inbox cheaply while it fills; <see cref="MailDev.GetEmailsAsync"/> returns every body at once.
/// </summary>
internal sealed class Inbox(MailDev mail) : IDisposable
{
    private const int Page = 200;
    private readonly HttpClient http = new() { BaseAddress = new Uri($"http://127.0.0.1:{mail.WebPort}/") };

    public async Task<int> CountAsync()
    {
        using var page = await http.GetFromJsonAsync<JsonDocument>(new Uri("api/email/summary?limit=1", UriKind.Relative));
        return page!.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>The recipient addresses of every e-mail received, one entry per e-mail and recipient.</summary>
    public async Task<List<string>> RecipientsAsync()
    {
        var addresses = new List<string>();
        for (var skip = 0; ; skip += Page)
        {
            using var page = await http.GetFromJsonAsync<JsonDocument>(new Uri($"api/email/summary?sort=asc&skip={skip}&limit={Page}", UriKind.Relative));
            var items = page!.RootElement.GetProperty("items");
            foreach (var item in items.EnumerateArray())
            {
                addresses.AddRange(item.GetProperty("to").EnumerateArray().Select(to => to.GetProperty("address").GetString() ?? ""));
            }

            if (items.GetArrayLength() < Page)
            {
                return addresses;
            }
        }
    }

    public void Dispose() => http.Dispose();
}
