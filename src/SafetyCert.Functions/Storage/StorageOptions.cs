using System.Text.RegularExpressions;

namespace SafetyCert.Functions.Storage;

/// <summary>
/// Where the storage account is and how table and queue names are prefixed. Locally a connection
/// string; in Azure the three endpoints and a managed identity (or whatever <c>DefaultAzureCredential</c> finds).
/// Bound from the <c>Storage</c> configuration section.
/// </summary>
public sealed partial class StorageOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary>A connection string (Azurite locally). When set, the endpoints are ignored.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob endpoint, e.g. <c>https://account.blob.core.windows.net</c>.</summary>
    public Uri? BlobEndpoint { get; set; }

    /// <summary>The table endpoint, e.g. <c>https://account.table.core.windows.net</c>.</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>The queue endpoint, e.g. <c>https://account.queue.core.windows.net</c>.</summary>
    public Uri? QueueEndpoint { get; set; }

    /// <summary>The client id of a user-assigned managed identity; null uses <c>DefaultAzureCredential</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// Put in front of every table, queue and container name so several deployments (or tests) can share
    /// an account. Lowercase letters and digits only, starting with a letter, at most 20 characters; may be empty.
    /// </summary>
    public string Prefix { get; set; } = "";

    /// <summary>The problems with these options; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IsValidPrefix(Prefix))
        {
            problems.Add($"Storage:Prefix '{Prefix}' must be empty or 1-20 lowercase letters and digits starting with a letter.");
        }

        if (string.IsNullOrWhiteSpace(ConnectionString) && (BlobEndpoint is null || TableEndpoint is null || QueueEndpoint is null))
        {
            problems.Add("Storage needs either ConnectionString or all of BlobEndpoint, TableEndpoint and QueueEndpoint.");
        }

        return problems;
    }

    /// <summary>Whether a prefix can start table names (letters and digits only) and queue names (lowercase).</summary>
    public static bool IsValidPrefix(string? prefix) => prefix is not null && PrefixPattern().IsMatch(prefix);

    [GeneratedRegex("^([a-z][a-z0-9]{0,19})?$")]
    private static partial Regex PrefixPattern();
}
