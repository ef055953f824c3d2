using SafetyCert.Functions.Documents;

namespace SafetyCert.Host.Tests.Documents;

public sealed class DocumentMediaTypesTests
{
    [Theory]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("Application/PDF", "application/pdf")]
    [InlineData("application/pdf; name=\"x.pdf\"", "application/pdf")]
    [InlineData("application/ofd", "application/ofd")]
    [InlineData("image/jpeg", "image/jpeg")]
    [InlineData("image/jpg", null)]
    [InlineData("image/svg+xml", null)]
    [InlineData("text/html", null)]
    [InlineData("application/octet-stream", null)]
    [InlineData("application/zip", null)]
    [InlineData("application/msword", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("pdf", null)]
    public void Allowed_accepts_only_the_listed_types(string? declared, string? expected) =>
        Assert.Equal(expected, DocumentMediaTypes.Allowed(declared));

    [Theory]
    [InlineData(DocumentMediaTypes.Pdf, new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, true)]
    [InlineData(DocumentMediaTypes.Pdf, new byte[] { 0x25, 0x50, 0x44, 0x46 }, false)]
    [InlineData(DocumentMediaTypes.Png, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, true)]
    [InlineData(DocumentMediaTypes.Png, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x00 }, false)]
    [InlineData(DocumentMediaTypes.Jpeg, new byte[] { 0xFF, 0xD8, 0xFF, 0xDB }, true)]
    [InlineData(DocumentMediaTypes.Jpeg, new byte[] { 0xFF, 0xD8, 0x00 }, false)]
    [InlineData(DocumentMediaTypes.Docx, new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14 }, true)]
    [InlineData(DocumentMediaTypes.Ofd, new byte[] { 0x50, 0x4B, 0x05, 0x06 }, false)]
    [InlineData(DocumentMediaTypes.Xlsx, new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, false)]
    [InlineData("text/plain", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, false)]
    public void Matches_requires_the_signature_of_the_declared_type(string mediaType, byte[] head, bool expected) =>
        Assert.Equal(expected, DocumentMediaTypes.Matches(mediaType, head));
}
