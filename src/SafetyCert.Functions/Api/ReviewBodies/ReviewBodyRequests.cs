using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Sampling;

namespace SafetyCert.Functions.Api.ReviewBodies;

/// <summary>Registers a review organization approved by the regulator of its level (RULES.md §8).</summary>
internal sealed record OrganizationRequest(string Id, string Name, string RegionCode, RegulatorLevel Level) : IApiRequest
{
    public IEnumerable<(string Field, string Error)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 100)
        {
            yield return ("id", "An id of 1-100 characters is required.");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > RequestLimits.Name)
        {
            yield return ("name", $"A name of 1-{RequestLimits.Name} characters is required.");
        }

        if (!RegionCatalog.Embedded.Contains(RegionCode))
        {
            yield return ("regionCode", $"'{RegionCode}' is not a known six-digit region code.");
        }
    }
}

/// <summary>Registers or updates a review unit of an organization, accredited through a date (RULES.md §8).</summary>
internal sealed record UnitRequest(
    string Id, string Name, ImmutableArray<Grade> ApprovedGrades, ImmutableArray<string> Industries, LocalDate? AccreditedThrough,
    ImmutableArray<ConsultingEngagement>? Consulting = null) : IApiRequest
{
    public IEnumerable<(string Field, string Error)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 100)
        {
            yield return ("id", "An id of 1-100 characters is required.");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > RequestLimits.Name)
        {
            yield return ("name", $"A name of 1-{RequestLimits.Name} characters is required.");
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
            yield return ("approvedGrades", "At least one grade.");
        }

        if (Industries.IsDefaultOrEmpty || Industries.Any(i => !Domain.Profiles.Industries.Known.Contains(i)))
        {
            yield return ("industries", "Known industries, each named (a draw matches the enterprise's industry).");
        }

        if (AccreditedThrough is null)
        {
            yield return ("accreditedThrough", "The last day of the accreditation is required (yyyy-MM-dd).");
        }

        // Dates before 1900 are refused when read, so the default date can only mean the field was left out.
        if (Consulting is { } engagements && engagements.Any(c => c is null || c.From == default || string.IsNullOrWhiteSpace(c.EnterpriseId)))
        {
            yield return ("consulting", "Each engagement names the enterprise and the day it started (from).");
        }
        else if (Consulting is { } dated && dated.Any(c => c.Until is { } until && until < c.From))
        {
            yield return ("consulting", "An engagement ends on or after it starts.");
        }
    }
}
