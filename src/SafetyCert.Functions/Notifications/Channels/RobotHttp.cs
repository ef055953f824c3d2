using System.Net;
using System.Text;
using System.Text.Json;

namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>
/// The HTTP part shared by webhooks and robots: POST JSON, classify the status code. A failure is described by the
/// status code and its standard reason only: the receiver's body and the network error's text never reach the
/// delivery status, which users read.
/// </summary>
internal static class RobotHttp
{
    public static async Task<(SendOutcome? Failure, JsonDocument? Answer)> PostAsync(
        HttpClient http, Uri url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout)
            {
                return (SendOutcome.Transient(Status(response.StatusCode, url), response.Headers.RetryAfter?.Delta), null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return (SendOutcome.Permanent(Status(response.StatusCode, url)), null);
            }

            try
            {
                return (null, string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text));
            }
            catch (JsonException)
            {
                return (null, null);
            }
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookTargetRefusedException refused)
        {
            return (SendOutcome.Permanent(refused.Message), null);
        }
        catch (HttpRequestException e)
        {
            return (SendOutcome.Transient($"{url.Host} unreachable ({e.HttpRequestError})"), null);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (SendOutcome.Transient($"{url.Host} timed out"), null);
        }
    }

    public static int? ErrorCode(JsonDocument? answer) =>
        answer is not null && answer.RootElement.ValueKind == JsonValueKind.Object
            && answer.RootElement.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var value)
            ? value
            : null;

    /// <summary>
    /// A robot's refusal as users read it: the service, its error code and a short reason of our own. The robot's
    /// <c>errmsg</c> is not repeated: it can carry whatever the receiving end put there.
    /// </summary>
    public static string Refusal(string service, int? code) => code switch
    {
        -1 => $"{service} errcode -1 (busy)",
        45009 or 130101 => $"{service} errcode {code} (rate limited)",
        93000 or 300001 or 310000 => $"{service} errcode {code} (robot key, token or signature refused)",
        _ => $"{service} errcode {code}",
    };

    private static string Status(HttpStatusCode status, Uri url) =>
        $"HTTP {(int)status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase((int)status)} from {url.Host}".Replace("  ", " ", StringComparison.Ordinal);
}
