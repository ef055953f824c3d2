using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SafetyCert.Benchmarks;

/// <summary>
/// A pipeline policy on a table client that counts the requests sent to one table (or to every table, for none) and
/// the entities read back (a query page's <c>value</c> array, or 1 for a point read that found its entity). Azure bills
/// and throttles by requests and the rows they read; Azurite's times say little, since it scans the whole table on
/// every query.
/// </summary>
internal sealed class RowCounter(string? table = null) : HttpPipelinePolicy
{
    private long requests;
    private long reads;
    private long rows;

    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Queries (each page one request) and point reads.</summary>
    public long Reads => Interlocked.Read(ref reads);

    public long Rows => Interlocked.Read(ref rows);

    public void Reset()
    {
        Interlocked.Exchange(ref requests, 0);
        Interlocked.Exchange(ref reads, 0);
        Interlocked.Exchange(ref rows, 0);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Count(message);
    }

    private void Count(HttpMessage message)
    {
        // Queries go to /{account}/{table}() and point reads to /{account}/{table}(PartitionKey='…',RowKey='…').
        if (table is not null && !message.Request.Uri.Path.Contains($"/{table}(", StringComparison.Ordinal))
        {
            return;
        }

        Interlocked.Increment(ref requests);
        if (message.Request.Method != RequestMethod.Get || message.Request.Uri.Path.EndsWith("/Tables", StringComparison.Ordinal))
        {
            return;
        }

        Interlocked.Increment(ref reads);
        if (message.Response.Status != 200)
        {
            return;
        }

        using var body = JsonDocument.Parse(message.Response.Content);
        Interlocked.Add(ref rows, body.RootElement.TryGetProperty("value", out var page) && page.ValueKind == JsonValueKind.Array ? page.GetArrayLength() : 1);
    }
}
