using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SafetyCert.Functions.Documents;

namespace SafetyCert.Host.Tests.Documents;

public sealed class DocumentOptionsTests
{
    [Fact]
    public void Defaults_are_20_MiB_and_ten_minute_links()
    {
        var options = Resolve([]);

        Assert.Equal(20L * 1024 * 1024, options.MaxBytesFor(DocumentKinds.ReviewReports));
        Assert.Equal(TimeSpan.FromMinutes(10), options.LinkLifetime);
        Assert.Equal((20L * 1024 * 1024) + DocumentOptions.MultipartOverheadBytes, options.MaxRequestBytes());
    }

    [Fact]
    public void A_kind_limit_overrides_the_default_and_raises_the_request_limit()
    {
        var options = Resolve(new() { ["Documents:MaxBytes"] = "1000", ["Documents:MaxBytesByKind:visit-reports"] = "5000" });

        Assert.Equal(1000, options.MaxBytesFor(DocumentKinds.ReviewReports));
        Assert.Equal(5000, options.MaxBytesFor(DocumentKinds.VisitReports));
        Assert.Equal(5000 + DocumentOptions.MultipartOverheadBytes, options.MaxRequestBytes());
    }

    [Theory]
    [InlineData("Documents:MaxBytes", "0", "MaxBytes must be positive")]
    [InlineData("Documents:MaxBytesByKind:photos", "100", "'photos'")]
    [InlineData("Documents:MaxBytesByKind:review-reports", "-1", "review-reports must be positive")]
    [InlineData("Documents:LinkLifetime", "02:00:00", "at most one hour")]
    [InlineData("Documents:LinkLifetime", "00:00:00", "LinkLifetime")]
    public void Invalid_options_are_refused_naming_the_setting(string key, string value, string expected)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    private static DocumentOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddDocuments(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<DocumentOptions>>().Value;
    }
}
