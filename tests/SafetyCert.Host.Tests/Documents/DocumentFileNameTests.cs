using SafetyCert.Functions.Documents;

namespace SafetyCert.Host.Tests.Documents;

public sealed class DocumentFileNameTests
{
    private const string Sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("  自评报告（2026）.pdf  ", "自评报告（2026）.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\x\\y.pdf", "y.pdf")]
    [InlineData("\\\\server\\share\\z.pdf", "z.pdf")]
    [InlineData("dir/", "self-assessment-reports-0123456789ab.pdf")]
    [InlineData("..\\..", "self-assessment-reports-0123456789ab.pdf")]
    [InlineData(".hidden", "hidden")]
    [InlineData("trailing.pdf. . ", "trailing.pdf")]
    [InlineData("no\u00A0break\u3000space.pdf", "no break space.pdf")]
    [InlineData("tab\tremoved.pdf", "tabremoved.pdf")]
    [InlineData("bom\uFEFF.pdf", "bom.pdf")]
    [InlineData("a\uD800b.pdf", "ab.pdf")]
    public void Sanitize_keeps_only_a_plain_last_segment(string declared, string expected) =>
        Assert.Equal(expected, DocumentFileName.Sanitize(declared, DocumentKinds.SelfAssessmentReports, Sha256, DocumentMediaTypes.Pdf));

    [Theory]
    [InlineData(DocumentMediaTypes.Png, "visit-reports-0123456789ab.png")]
    [InlineData(DocumentMediaTypes.Ofd, "visit-reports-0123456789ab.ofd")]
    [InlineData(DocumentMediaTypes.Docx, "visit-reports-0123456789ab.docx")]
    public void Sanitize_names_a_nameless_document_after_kind_hash_and_media_type(string mediaType, string expected) =>
        Assert.Equal(expected, DocumentFileName.Sanitize("/", DocumentKinds.VisitReports, Sha256, mediaType));

    [Fact]
    public void Sanitize_cuts_long_names_between_whole_characters_and_keeps_the_extension()
    {
        // 😀 is two UTF-16 units; a cut may not split it.
        var declared = "a" + string.Concat(Enumerable.Repeat("😀", 150)) + ".docx";

        var name = DocumentFileName.Sanitize(declared, DocumentKinds.ApplicationMaterials, Sha256, DocumentMediaTypes.Docx);

        Assert.Equal("a" + string.Concat(Enumerable.Repeat("😀", 61)) + ".docx", name);
        Assert.True(name.Length <= DocumentFileName.MaxLength);
    }

    [Fact]
    public void Sanitize_cuts_an_overlong_extension_with_the_rest()
    {
        var declared = "x." + new string('e', 200);

        var name = DocumentFileName.Sanitize(declared, DocumentKinds.ApplicationMaterials, Sha256, DocumentMediaTypes.Pdf);

        Assert.Equal(("x." + new string('e', 200))[..DocumentFileName.MaxLength], name);
    }
}
