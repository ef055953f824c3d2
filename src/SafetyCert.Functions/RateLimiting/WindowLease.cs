using System.Threading.RateLimiting;

namespace SafetyCert.Functions.RateLimiting;

/// <summary>A granted permit, or a refusal that says (as <see cref="MetadataName.RetryAfter"/>) when one frees up.</summary>
internal sealed class WindowLease : RateLimitLease
{
    public static readonly WindowLease Granted = new(null);

    private readonly TimeSpan? retryAfter;

    private WindowLease(TimeSpan? retryAfter) => this.retryAfter = retryAfter;

    public static WindowLease Denied(TimeSpan retryAfter) => new(retryAfter);

    public override bool IsAcquired => retryAfter is null;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = wait;
            return true;
        }

        metadata = null;
        return false;
    }
}
