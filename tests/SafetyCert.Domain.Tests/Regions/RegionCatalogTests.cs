using SafetyCert.Domain.Regions;

namespace SafetyCert.Domain.Tests.Regions;

public class RegionCatalogTests
{
    private static readonly RegionCatalog Catalog = RegionCatalog.Embedded;

    [Fact]
    public void Find_returns_every_column()
    {
        Assert.Equal(new Region("640100", "银川市", null, "640000", "Yinchuan"), Catalog.Find("640100"));
        Assert.Equal(new Region("640000", "宁夏回族自治区", "宁", null, "Ningxia"), Catalog.Find("640000"));
    }

    [Theory]
    [InlineData("640199", "640000", "宁")] // a Yinchuan code not itself listed
    [InlineData("640100", "640000", "宁")]
    [InlineData("510703", "510000", "川")]
    [InlineData("110108", "110000", "京")]
    [InlineData("350000", "350000", "闽")]
    [InlineData("650102", "650000", "新")]
    public void ProvinceOf_any_six_digit_code_gives_its_province(string code, string province, string abbreviation)
    {
        var found = Catalog.ProvinceOf(code);

        Assert.Equal(province, found.Code);
        Assert.Equal(abbreviation, found.Abbreviation);
        Assert.True(found.IsProvince);
    }

    [Fact]
    public void Every_province_has_an_abbreviation_and_there_are_31()
    {
        var provinces = Catalog.All.Where(r => r.IsProvince).ToList();

        Assert.Equal(31, provinces.Count);
        Assert.All(provinces, p => Assert.Single(p.Abbreviation!));
    }

    [Fact]
    public void Find_an_unlisted_code_says_which()
    {
        var error = Assert.Throws<RegionNotFoundException>(() => Catalog.Find("640199"));

        Assert.Contains("640199", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("64010")]
    [InlineData("6401040")]
    [InlineData("64O104")]
    [InlineData("")]
    public void A_malformed_code_is_rejected(string code)
    {
        var error = Assert.Throws<RegionNotFoundException>(() => Catalog.ProvinceOf(code));

        Assert.Contains($"'{code}' is not a six-digit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProvinceOf_a_code_in_no_known_province_says_which()
    {
        // 71 (Taiwan), 81 and 82 (Hong Kong, Macao) are outside the list.
        var error = Assert.Throws<RegionNotFoundException>(() => Catalog.ProvinceOf("810000"));

        Assert.Contains("810000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFind_returns_null_for_an_unlisted_code()
    {
        Assert.Null(Catalog.TryFind("640199"));
        Assert.NotNull(Catalog.TryFind("510700"));
    }

    [Theory]
    [InlineData("code,name\n110000,北京市", "header")]
    [InlineData("code,name,abbreviation,parent,name_en\n110000,北京市,京,,", "line 2")]
    [InlineData("code,name,abbreviation,parent,name_en\n110100,北京市辖区,,120000,Beijing", "unknown parent 120000")]
    [InlineData("code,name,abbreviation,parent,name_en\n110000,北京市,,,Beijing", "abbreviation")]
    [InlineData("code,name,abbreviation,parent,name_en\n110000,北京市,京,,Beijing\n110000,北京市,京,,Beijing", "listed twice")]
    public void Parse_names_what_is_wrong(string csv, string expected)
    {
        var error = Assert.Throws<FormatException>(() => RegionCatalog.Parse(csv));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
