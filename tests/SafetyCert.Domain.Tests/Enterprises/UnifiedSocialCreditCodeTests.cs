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
    [InlineData("91350100M000100Y44", "check character", "校验码")]
    [InlineData("91350100M000100Y4", "17 characters", "17 个字符")]
    [InlineData("91350100M000100I43", "position 16", "第 16 位")]
    [InlineData("", "required", "必填")]
    public void A_bad_code_is_refused_with_its_reason_in_both_languages(string code, string english, string chinese)
    {
        var problem = UnifiedSocialCreditCode.Problem(code);
        Assert.NotNull(problem);
        Assert.Contains(english, problem.Value.English, StringComparison.Ordinal);
        Assert.Contains(chinese, problem.Value.Chinese, StringComparison.Ordinal);
    }
}
