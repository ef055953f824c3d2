using System.Collections.Immutable;
using NodaTime;

namespace SafetyCert.Functions.Api.Remediations;

/// <summary>The enterprise reports the findings fixed, with its evidence (RULES.md §4.4 [001 art.14]).</summary>
internal sealed record RemediationCompletionRequest(ImmutableArray<string> EvidenceDocumentIds, LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, string Error)> Problems()
    {
if (RequestLimits.TooMany(EvidenceDocumentIds.IsDefault ? null : EvidenceDocumentIds.Length, "evidenceDocumentIds", RequestLimits.Items) is { } tooLong14)
        {
            yield return tooLong14;
        }

        if (EvidenceDocumentIds.IsDefaultOrEmpty || EvidenceDocumentIds.Any(string.IsNullOrWhiteSpace))
        {
            yield return ("evidenceDocumentIds", "At least one uploaded remediation-evidence document id, none blank.");
        }
    }
}
