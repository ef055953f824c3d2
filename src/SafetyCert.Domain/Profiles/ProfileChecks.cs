using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Profiles;

/// <summary>
/// What a well-formed profile holds beyond what its JSON shape enforces: codes, industries, every grade
/// in every table, sane numbers, and a source on every value (a seed article, or <c>convention: …</c>).
/// </summary>
internal static partial class ProfileChecks
{
    public static IEnumerable<string> Problems(JurisdictionProfile profile)
    {
        if (!IdPattern().IsMatch(profile.Id))
        {
            yield return $"id '{profile.Id}' must be lowercase words and digits joined by '-'";
        }

        if (!SeedPattern().IsMatch(profile.Seed))
        {
            yield return $"seed '{profile.Seed}' must be a three-digit seed number";
        }

        if (profile.EffectiveUntil < profile.EffectiveFrom)
        {
            yield return $"effectiveUntil {profile.EffectiveUntil:yyyy-MM-dd} is before effectiveFrom {profile.EffectiveFrom:yyyy-MM-dd}";
        }

        if (profile.Regions.IsDefaultOrEmpty)
        {
            yield return "regions is empty";
        }
        else
        {
            foreach (var region in profile.Regions.Where(r => r.Length != 6 || !r.All(char.IsAsciiDigit)))
            {
                yield return $"region '{region}' is not a six-digit GB/T 2260 code";
            }
        }

        if (profile.Industries.IsDefaultOrEmpty)
        {
            yield return "industries is empty";
        }
        else
        {
            foreach (var industry in profile.Industries.Where(i => i != Industries.All && !Industries.Known.Contains(i)))
            {
                yield return $"industry '{industry}' is not in the vocabulary (Profiles/Industries.cs)";
            }
        }

        foreach (var problem in MissingGrades("announcingRegulator", profile.AnnouncingRegulator.Value)
            .Concat(MissingGrades("accidentReportYears", profile.AccidentReportYears.Value))
            .Concat(MissingGrades("fatalAccidentDeaths", profile.FatalAccidentDeaths.Value))
            .Concat(MissingGrades("spotCheckPercent", profile.SpotCheckPercent.Value)))
        {
            yield return problem;
        }

        foreach (var (name, value, minimum) in new (string, int, int)[]
        {
            ("minimumSystemRunMonths", profile.MinimumSystemRunMonths.Value, 0),
            ("fatalAccidentLookbackYears", profile.FatalAccidentLookbackYears.Value, 1),
            ("materialReviewWorkingDays", profile.MaterialReviewWorkingDays.Value, 1),
            ("materialReviewWarningWorkingDays", profile.MaterialReviewWarningWorkingDays.Value, 0),
            ("reviewMonths", profile.ReviewMonths.Value, 1),
            ("reviewWarningDays", profile.ReviewWarningDays.Value, 0),
            ("remediationMaxMonths", profile.RemediationMaxMonths.Value, 1),
            ("publicNoticeWorkingDays", profile.PublicNoticeWorkingDays.Value, 1),
            ("partialReReviewMonths", profile.PartialReReviewMonths.Value, 0),
            ("followUpVisitMonths", profile.FollowUpVisitMonths.Value, 1),
            ("certificateValidityYears", profile.CertificateValidityYears.Value, 1),
            ("renewalWindowMonths", profile.RenewalWindowMonths.Value, 1),
            ("revocationBanYears", profile.RevocationBanYears.Value, 0),
            ("recallReminderIntervalDays", profile.RecallReminderIntervalDays.Value, 1),
            ("accreditationYears", profile.AccreditationYears.Value, 1),
        }.Where(n => n.Item2 < n.Item3))
        {
            yield return $"{name} is {value}, below {minimum}";
        }

        foreach (var (grade, years) in profile.AccidentReportYears.Value.Where(p => p.Value < 1))
        {
            yield return $"accidentReportYears of {grade} is {years}, below 1";
        }

        foreach (var (grade, deaths) in profile.FatalAccidentDeaths.Value.Where(p => p.Value < 1))
        {
            yield return $"fatalAccidentDeaths of {grade} is {deaths}, below 1";
        }

        foreach (var (grade, percent) in profile.SpotCheckPercent.Value.Where(p => p.Value is < 0 or > 100))
        {
            yield return $"spotCheckPercent of {grade} is {percent}, outside 0–100";
        }

        foreach (var property in typeof(JurisdictionProfile).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Sourced<>)))
        {
            var source = (string?)property.PropertyType.GetProperty(nameof(Sourced<int>.Source))!.GetValue(property.GetValue(profile));
            if (string.IsNullOrWhiteSpace(source) || !SourcePattern().IsMatch(source))
            {
                yield return $"{char.ToLowerInvariant(property.Name[0])}{property.Name[1..]}.source '{source}' must name a seed article ('001 art.10(4)') or start with 'convention: '";
            }
        }
    }

    private static IEnumerable<string> MissingGrades<T>(string name, ImmutableSortedDictionary<Grade, T> table) =>
        Enum.GetValues<Grade>().Where(g => !table.ContainsKey(g)).Select(g => $"{name} has no value for {g}");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9]{3}$")]
    private static partial Regex SeedPattern();

    [GeneratedRegex(@"^([0-9]{3} \S|convention: \S)")]
    private static partial Regex SourcePattern();
}
