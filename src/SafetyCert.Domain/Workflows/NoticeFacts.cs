using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Regions;

namespace SafetyCert.Domain.Workflows;

/// <summary>Builds the ordinal-keyed facts of a <see cref="Notify"/>, so the same facts always compare and serialize alike.</summary>
internal static class NoticeFacts
{
    public static ImmutableSortedDictionary<string, string> Of(params (string Key, string Value)[] facts) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, facts.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    /// <summary>A date as facts and timer purposes write it: ISO <c>yyyy-MM-dd</c>.</summary>
    public static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The scope facts (see <see cref="NoticeFactNames"/>) a workflow knows; unknown or blank values are left out.</summary>
    public static ImmutableSortedDictionary<string, string> Scope(
        string? enterpriseId = null,
        string? regionCode = null,
        Grade? grade = null,
        string? reviewUnitId = null,
        string? certificateNumber = null,
        string? enterpriseName = null,
        RegulatorLevel? regulatorLevel = null)
    {
        var facts = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        Add(NoticeFactNames.EnterpriseId, enterpriseId);
        Add(NoticeFactNames.RegionCode, regionCode);
        Add(NoticeFactNames.Grade, grade is { } g && Enum.IsDefined(g) ? g.ToString() : null);
        Add(NoticeFactNames.ReviewUnitId, reviewUnitId);
        Add(NoticeFactNames.CertificateNumber, certificateNumber);
        Add(NoticeFactNames.EnterpriseName, enterpriseName);
        Add(NoticeFactNames.RegulatorLevel, regulatorLevel?.ToString());
        return facts.ToImmutable();

        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts[name] = value;
            }
        }
    }

    /// <summary>Why a start event's region and grade cannot scope its notices, or null when they can.</summary>
    public static string? ScopeProblem(string? regionCode, Grade grade) =>
        !RegionCodes.IsWellFormed(regionCode)
            ? $"needs a six-digit region code; '{regionCode}' is not one."
            : !Enum.IsDefined(grade)
                ? $"needs a grade of Level1, Level2, Level3 or SmallMicro; {grade} is none of them."
                : null;

    /// <summary>The notice's own facts with every scope fact it lacks; a fact the workflow set itself wins.</summary>
    public static ImmutableSortedDictionary<string, string> WithScope(ImmutableSortedDictionary<string, string> own, ImmutableSortedDictionary<string, string> scope)
    {
        var merged = own.WithComparers(StringComparer.Ordinal).ToBuilder();
        foreach (var (name, value) in scope)
        {
            if (!merged.TryGetValue(name, out var set) || string.IsNullOrEmpty(set))
            {
                merged[name] = value;
            }
        }

        return merged.ToImmutable();
    }
}
