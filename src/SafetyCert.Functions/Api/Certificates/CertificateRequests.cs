using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Revocation;
using SafetyCert.Functions.Api.Language;

namespace SafetyCert.Functions.Api.Certificates;

/// <summary>A regulator's revocation (RULES.md §7): grounds, a written reason and the evidence documents.</summary>
internal sealed record RevocationRequest(ImmutableArray<RevocationGround> Grounds, string? Reason, ImmutableArray<string> EvidenceDocumentIds, LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
if (RequestLimits.TooLong(Reason, "reason", RequestLimits.Text) is { } tooLong11)
        {
            yield return tooLong11;
        }

        if (RequestLimits.TooMany(EvidenceDocumentIds.IsDefault ? null : EvidenceDocumentIds.Length, "evidenceDocumentIds", RequestLimits.Items) is { } tooLong12)
        {
            yield return tooLong12;
        }

        if (RequestLimits.TooMany(Grounds.IsDefault ? null : Grounds.Length, "grounds", RequestLimits.Items) is { } tooLong13)
        {
            yield return tooLong13;
        }

        if (Grounds.IsDefaultOrEmpty || Grounds.Any(g => !Enum.IsDefined(g)))
        {
            yield return ("grounds", new("须至少列明一项撤销情形（FraudInReview … QualityAuditFailed）。", "At least one ground of revocation (FraudInReview … QualityAuditFailed).", Rule: "001 art.21"));
        }
        else if (RevocationRules.ProblemWith(false, Grounds, Reason, EvidenceDocumentIds.IsDefault ? [] : EvidenceDocumentIds) is { } problem)
        {
            yield return ("reason", new(problem.Chinese, problem.English));
        }
    }
}

/// <summary>An accident at a certified enterprise (RULES.md §7.2–§7.3).</summary>
internal sealed record AccidentRequest(LocalDate? On, int? Deaths, bool ConcealedOrLate = false) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
        if (On is null)
        {
            yield return ("on", new("事故发生日期为必填项（yyyy-MM-dd）。", "The day of the accident is required (yyyy-MM-dd)."));
        }

        if (Deaths is null)
        {
            yield return ("deaths", new("死亡人数为必填项（0 或以上）。", "The number of deaths is required (0 or more)."));
        }
        else if (Deaths < 0)
        {
            yield return ("deaths", new("死亡人数不能为负数。", "Deaths cannot be negative."));
        }
    }
}

/// <summary>The organization confirms an item of the recall is back (RULES.md §7 convention).</summary>
internal sealed record ReturnRequest(string Item, LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
        if (Item is not ("certificate" or "plaque"))
        {
            yield return ("item", new("须为 certificate（证书）或 plaque（牌匾）。", "'certificate' or 'plaque'."));
        }
    }
}

/// <summary>The enterprise's work-safety licence lapsed (RULES.md §5 [001 art.16]).</summary>
internal sealed record LicenceLapseRequest(LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems() => [];
}

/// <summary>The licence was renewed through <see cref="ValidUntil"/> (RULES.md §5 [001 art.16]).</summary>
internal sealed record LicenceRenewalRequest(LocalDate? ValidUntil, LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
        if (ValidUntil is null)
        {
            yield return ("validUntil", new("延续后许可证的有效期截止日为必填项（yyyy-MM-dd）。", "The renewed licence's last valid day is required (yyyy-MM-dd)."));
        }
        else if (On is { } on && ValidUntil < on)
        {
            yield return ("validUntil", new(
                $"延续后的许可证在延续当日应当有效；{ValidUntil:yyyy-MM-dd} 早于 {on:yyyy-MM-dd}。",
                $"A renewed licence is valid on the day it is renewed; {ValidUntil:yyyy-MM-dd} is before {on:yyyy-MM-dd}."));
        }
    }
}
