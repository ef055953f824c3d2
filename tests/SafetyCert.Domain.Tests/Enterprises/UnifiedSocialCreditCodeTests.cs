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
        Assert.Null(UnifiedSocialCreditCode.ProblemInChinese(code));
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

    [Theory]
    [InlineData("91350100M000100Y44", "校验码为“4”，但按前 17 位计算应为“3”")]
    [InlineData("91350100M000100Y4", "有 17 个字符")]
    [InlineData("91350100M000100I43", "第 16 位为“I”")]
    [InlineData("", "必填")]
    public void A_bad_code_is_refused_with_its_reason_in_chinese_too(string code, string reason)
    {
        Assert.Contains(reason, UnifiedSocialCreditCode.ProblemInChinese(code), StringComparison.Ordinal);
    }
}
