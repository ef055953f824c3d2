using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Sampling;
using SafetyCert.Functions.Api.Language;

namespace SafetyCert.Functions.Api.ReviewBodies;

/// <summary>Registers a review organization approved by the regulator of its level (RULES.md §8).</summary>
internal sealed record OrganizationRequest(string Id, string Name, string RegionCode, RegulatorLevel Level) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 100)
        {
            yield return ("id", new("编号为必填项，1 至 100 个字符。", "An id of 1-100 characters is required."));
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > RequestLimits.Name)
        {
            yield return ("name", new($"名称为必填项，1 至 {RequestLimits.Name} 个字符。", $"A name of 1-{RequestLimits.Name} characters is required."));
        }

        if (!RegionCatalog.Embedded.Contains(RegionCode))
        {
            yield return ("regionCode", new($"“{RegionCode}”不是已知的六位行政区划代码。", $"'{RegionCode}' is not a known six-digit region code."));
        }
    }
}

/// <summary>Registers or updates a review unit of an organization, accredited through a date (RULES.md §8).</summary>
internal sealed record UnitRequest(
    string Id, string Name, ImmutableArray<Grade> ApprovedGrades, ImmutableArray<string> Industries, LocalDate? AccreditedThrough,
    ImmutableArray<ConsultingEngagement>? Consulting = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 100)
        {
            yield return ("id", new("编号为必填项，1 至 100 个字符。", "An id of 1-100 characters is required."));
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > RequestLimits.Name)
        {
            yield return ("name", new($"名称为必填项，1 至 {RequestLimits.Name} 个字符。", $"A name of 1-{RequestLimits.Name} characters is required."));
        }

if (RequestLimits.TooMany(ApprovedGrades.IsDefault ? null : ApprovedGrades.Length, "approvedGrades", RequestLimits.Items) is { } tooLong20)
        {
            yield return tooLong20;
        }

        if (RequestLimits.TooMany(Industries.IsDefault ? null : Industries.Length, "industries", RequestLimits.Items) is { } tooLong21)
        {
            yield return tooLong21;
        }

        if (RequestLimits.TooMany(Consulting?.Length, "consulting", RequestLimits.Engagements) is { } tooLong22)
        {
            yield return tooLong22;
        }

        if (ApprovedGrades.IsDefaultOrEmpty)
        {
            yield return ("approvedGrades", new("须至少有一个核准等级。", "At least one grade."));
        }

        if (Industries.IsDefaultOrEmpty || Industries.Any(i => !Domain.Profiles.Industries.Known.Contains(i)))
        {
            yield return ("industries", new("须逐一列明已知行业（抽取评审单位时按企业所属行业匹配）。", "Known industries, each named (a draw matches the enterprise's industry)."));
        }

        if (AccreditedThrough is null)
        {
            yield return ("accreditedThrough", new("资质有效期截止日为必填项（yyyy-MM-dd）。", "The last day of the accreditation is required (yyyy-MM-dd)."));
        }

        // Dates before 1900 are refused when read, so the default date can only mean the field was left out.
        if (Consulting is { } engagements && engagements.Any(c => c is null || c.From == default || string.IsNullOrWhiteSpace(c.EnterpriseId)))
        {
            yield return ("consulting", new("每项咨询服务须写明企业及开始日期（from）。", "Each engagement names the enterprise and the day it started (from)."));
        }
        else if (Consulting is { } dated && dated.Any(c => c.Until is { } until && until < c.From))
        {
            yield return ("consulting", new("咨询服务的结束日期不得早于开始日期。", "An engagement ends on or after it starts."));
        }
    }
}
