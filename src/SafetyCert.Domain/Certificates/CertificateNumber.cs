using System.Globalization;
using System.Text.RegularExpressions;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Regions;

namespace SafetyCert.Domain.Certificates;

/// <summary>
/// A certificate (and plaque) number (RULES.md §5): province abbreviation + <c>AQB</c> + grade mark +
/// issue year + six-digit sequence. Small and micro firms carry <c>XW</c> [001 annex 5], e.g.
/// <c>宁AQBXW2026000001</c>; by convention levels 1–3 carry the Roman numeral <c>Ⅰ</c>, <c>Ⅱ</c>, <c>Ⅲ</c>,
/// e.g. <c>京AQBⅡ2026000012</c>.
/// </summary>
public sealed partial record CertificateNumber
{
    /// <summary>The highest sequence a region, grade and year can reach: six digits [001 annex 5].</summary>
    public const int MaxSequence = 999_999;

    private const string Mark = "AQB";
    private const string SmallMicroMark = "XW";

    /// <summary>Checks every part of a number.</summary>
    /// <exception cref="ArgumentException">A part is out of range; the message says which.</exception>
    public CertificateNumber(string regionAbbreviation, Grade grade, int issueYear, int sequence)
    {
        ArgumentNullException.ThrowIfNull(regionAbbreviation);
        if (!RegionCatalog.Embedded.All.Any(r => r.IsProvince && r.Abbreviation == regionAbbreviation))
        {
            throw new ArgumentException($"'{regionAbbreviation}' is not a province abbreviation (宁, 京, 闽, …).", nameof(regionAbbreviation));
        }

        if (!Enum.IsDefined(grade))
        {
            throw new ArgumentOutOfRangeException(nameof(grade), grade, "Not a grade.");
        }

        if (issueYear is < 1000 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(issueYear), issueYear, "The issue year must have four digits.");
        }

        if (sequence is < 1 or > MaxSequence)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"The sequence runs from 1 to {MaxSequence} (six digits).");
        }

        RegionAbbreviation = regionAbbreviation;
        Grade = grade;
        IssueYear = issueYear;
        Sequence = sequence;
    }

    /// <summary>The province's one-character abbreviation, e.g. 宁.</summary>
    public string RegionAbbreviation { get; }

    public Grade Grade { get; }

    public int IssueYear { get; }

    /// <summary>1 to <see cref="MaxSequence"/>; runs per region, grade and year.</summary>
    public int Sequence { get; }

    /// <summary>The number as printed, e.g. <c>宁AQBXW2026000001</c>.</summary>
    /// <exception cref="ArgumentException">A part is out of range.</exception>
    public static string Format(string regionAbbreviation, Grade grade, int issueYear, int sequence) =>
        new CertificateNumber(regionAbbreviation, grade, issueYear, sequence).ToString();

    /// <summary>Reads a printed number back into its parts.</summary>
    /// <exception cref="FormatException">The text is not a certificate number; the message says which part is wrong.</exception>
    public static CertificateNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException(
                $"'{text}' is not a certificate number: expected a province abbreviation, 'AQB', 'XW' or Ⅰ/Ⅱ/Ⅲ, a four-digit year and a six-digit sequence, e.g. 宁AQBXW2026000001.");
        }

        var grade = match.Groups["grade"].Value switch
        {
            SmallMicroMark => Grade.SmallMicro,
            "Ⅰ" => Grade.Level1,
            "Ⅱ" => Grade.Level2,
            _ => Grade.Level3,
        };
        try
        {
            return new CertificateNumber(
                match.Groups["region"].Value,
                grade,
                int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["sequence"].Value, CultureInfo.InvariantCulture));
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{text}' is not a certificate number: {e.Message}", e);
        }
    }

    /// <summary>Like <see cref="Parse"/>, without throwing.</summary>
    public static bool TryParse(string? text, out CertificateNumber? number)
    {
        number = null;
        if (text is null || !Pattern().IsMatch(text))
        {
            return false;
        }

        try
        {
            number = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{RegionAbbreviation}{Mark}{GradeMark(Grade)}{IssueYear:0000}{Sequence:000000}");

    private static string GradeMark(Grade grade) => grade switch
    {
        Grade.Level1 => "Ⅰ",
        Grade.Level2 => "Ⅱ",
        Grade.Level3 => "Ⅲ",
        _ => SmallMicroMark,
    };

    // Ⅰ Ⅱ Ⅲ are the single Roman-numeral characters U+2160–U+2162, not Latin letters.
    [GeneratedRegex(@"^(?<region>\p{IsCJKUnifiedIdeographs})AQB(?<grade>XW|\u2160|\u2161|\u2162)(?<year>[0-9]{4})(?<sequence>[0-9]{6})$")]
    private static partial Regex Pattern();
}
