using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Functions.Api.Language;

namespace SafetyCert.Functions.Api.Remediations;

/// <summary>The enterprise reports the findings fixed, with its evidence (RULES.md §4.4 [001 art.14]).</summary>
internal sealed record RemediationCompletionRequest(ImmutableArray<string> EvidenceDocumentIds, LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
if (RequestLimits.TooMany(EvidenceDocumentIds.IsDefault ? null : EvidenceDocumentIds.Length, "evidenceDocumentIds", RequestLimits.Items) is { } tooLong14)
        {
            yield return tooLong14;
        }

        if (EvidenceDocumentIds.IsDefaultOrEmpty || EvidenceDocumentIds.Any(string.IsNullOrWhiteSpace))
        {
            yield return ("evidenceDocumentIds", new("须至少填写一份已上传的整改证据文件编号，且不得为空。", "At least one uploaded remediation-evidence document id, none blank."));
        }
    }
}
