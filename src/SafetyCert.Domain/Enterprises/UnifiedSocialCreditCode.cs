namespace SafetyCert.Domain.Enterprises;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015) that identifies an enterprise: 18 characters
/// from the code's 31-character alphabet (digits and capital letters without I, O, S, V, Z). Position 1 is the
/// registering authority, 2 the kind of body, 3–8 the region, 9–17 the organization code and 18 a check
/// character computed from the first 17 (weights 3^(i) mod 31, check = 31 − sum mod 31, 31 written as 0).
/// </summary>
public static class UnifiedSocialCreditCode
{
    /// <summary>The characters a code is written in, in the order of their values 0–30.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Every code has this many characters.</summary>
    public const int Length = 18;

    /// <summary>Why a text is not a valid code, in Chinese and in English; null when it is one.</summary>
    public static (string Chinese, string English)? Problem(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return ("统一社会信用代码为必填项。", "A unified social credit code is required.");
        }

        if (code.Length != Length)
        {
            return ($"“{code}”有 {code.Length} 个字符，统一社会信用代码应为 {Length} 个字符。",
                $"'{code}' has {code.Length} characters; a unified social credit code has {Length}.");
        }

        for (var i = 0; i < Length; i++)
        {
            if (!Alphabet.Contains(code[i], StringComparison.Ordinal))
            {
                return ($"“{code}”第 {i + 1} 位是“{code[i]}”；统一社会信用代码只使用数字和除 I、O、S、V、Z 以外的大写字母。",
                    $"'{code}' has '{code[i]}' at position {i + 1}; a unified social credit code uses digits and capital letters except I, O, S, V, Z.");
            }
        }

        var expected = CheckCharacter(code.AsSpan(0, Length - 1));
        return code[Length - 1] == expected
            ? null
            : ($"“{code}”的校验码是“{code[Length - 1]}”，但按前 17 位计算应为“{expected}”（GB 32100-2015）。",
                $"'{code}' ends in check character '{code[Length - 1]}' but its first 17 characters give '{expected}' (GB 32100-2015).");
    }

    /// <summary>Whether a text is a valid code, check character included.</summary>
    public static bool IsValid(string? code) => Problem(code) is null;

    /// <summary>The check character of the first 17 characters of a code.</summary>
    /// <exception cref="ArgumentException">Not 17 characters of the alphabet.</exception>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException($"The check character is computed from {Length - 1} characters.", nameof(first17));
        }

        var sum = 0;
        var weight = 1;
        foreach (var c in first17)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{c}' is not a character of a unified social credit code.", nameof(first17));
            }

            sum += value * weight;
            weight = weight * 3 % 31;
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
