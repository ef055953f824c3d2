using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Tests.Certificates;

public class CertificateNumberTests
{
    // RULES.md §5: XW from seed 001 annex 5; Ⅰ Ⅱ Ⅲ by convention.
    [Theory]
    [InlineData("宁", Grade.SmallMicro, 2026, 1, "宁AQBXW2026000001")]
    [InlineData("京", Grade.Level2, 2026, 12, "京AQBⅡ2026000012")]
    [InlineData("闽", Grade.Level1, 2019, 999_999, "闽AQBⅠ2019999999")]
    [InlineData("川", Grade.Level3, 2020, 345_678, "川AQBⅢ2020345678")]
    public void Format_and_Parse_agree(string region, Grade grade, int year, int sequence, string expected)
    {
        Assert.Equal(expected, CertificateNumber.Format(region, grade, year, sequence));

        var parsed = CertificateNumber.Parse(expected);

        Assert.Equal((region, grade, year, sequence), (parsed.RegionAbbreviation, parsed.Grade, parsed.IssueYear, parsed.Sequence));
        Assert.Equal(expected, parsed.ToString());
    }

    [Fact]
    public void The_level_marks_are_the_Roman_numeral_characters()
    {
        Assert.Equal('\u2161', CertificateNumber.Format("京", Grade.Level2, 2026, 1)[4]);
    }

    // RULES.md §5, seed 001 annex 5: six digits from 000001.
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void Format_rejects_a_sequence_outside_six_digits(int sequence)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CertificateNumber.Format("宁", Grade.SmallMicro, 2026, sequence));

        Assert.Equal("sequence", error.ParamName);
        Assert.Contains("999999", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X", "regionAbbreviation")]
    [InlineData("宁夏", "regionAbbreviation")]
    [InlineData("银", "regionAbbreviation")]
    public void Format_rejects_what_is_not_a_province_abbreviation(string region, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => CertificateNumber.Format(region, Grade.Level3, 2026, 1));

        Assert.Equal(parameter, error.ParamName);
    }

    [Theory]
    [InlineData(999)]
    [InlineData(10_000)]
    public void Format_rejects_a_year_without_four_digits(int year)
    {
        Assert.Equal("issueYear", Assert.Throws<ArgumentOutOfRangeException>(() => CertificateNumber.Format("宁", Grade.Level3, year, 1)).ParamName);
    }

    [Theory]
    [InlineData("宁AQBXW202600001", "expected")] // five-digit sequence
    [InlineData("宁AQBXW20260000001", "expected")] // seven-digit sequence
    [InlineData("宁AQBII2026000001", "expected")] // Latin letters, not Ⅱ
    [InlineData("宁AQB2026000001", "expected")] // no grade mark
    [InlineData("宁aqbXW2026000001", "expected")]
    [InlineData(" 宁AQBXW2026000001", "expected")]
    [InlineData("银AQBXW2026000001", "province abbreviation")] // a city, not a province
    [InlineData("宁AQBXW2026000000", "sequence")] // sequences start at 000001
    [InlineData("", "expected")]
    public void Parse_rejects_malformed_numbers_and_says_why(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => CertificateNumber.Parse(text));

        Assert.Contains($"'{text}' is not a certificate number", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(CertificateNumber.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_returns_the_parts()
    {
        Assert.True(CertificateNumber.TryParse("京AQBⅡ2026000012", out var number));
        Assert.Equal(Grade.Level2, number!.Grade);
    }
}
