using SafetyCert.Domain.Enterprises;

namespace SafetyCert.Domain.Tests.Enterprises;

public class UnifiedSocialCreditCodeTests
{
    // GB 32100-2015: the 18th character is 31 − (Σ value × 3^i mod 31) mod 31 over the first 17.
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91640100MA7600001J")]
    public void A_code_with_its_check_character_is_valid(string code)
    {
        Assert.Null(UnifiedSocialCreditCode.Problem(code));
    }

    [Theory]
    [InlineData("91350100M000100Y44", "check character")]
    [InlineData("91350100M000100Y4", "17 characters")]
    [InlineData("91350100M000100I43", "position 16")]
    [InlineData("", "required")]
    public void A_bad_code_is_refused_with_its_reason(string code, string reason)
    {
        Assert.Contains(reason, UnifiedSocialCreditCode.Problem(code), StringComparison.Ordinal);
    }
}
