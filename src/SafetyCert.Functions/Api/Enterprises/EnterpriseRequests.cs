using System.Text.RegularExpressions;
using NodaTime;
using SafetyCert.Domain.Enterprises;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Serialization;
using SafetyCert.Functions.Api.Language;

namespace SafetyCert.Functions.Api.Enterprises;

/// <summary>Registers an enterprise; <see cref="Code"/> (the unified social credit code) becomes its id.</summary>
internal sealed record RegisterEnterpriseRequest(
    string Code, string Name, string RegionCode, string Industry, bool LicenceRequired = false, LocalDate? LicenceValidUntil = null, string? ConsultingProvider = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
        // GB 32100-2015, check character included: the same rule the register import applies.
        if (UnifiedSocialCreditCode.Problem(Code) is { } codeProblem)
        {
            yield return ("code", new(codeProblem.Chinese, codeProblem.English));
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            yield return ("name", new("名称为必填项，1 至 200 个字符。", "A name of 1-200 characters is required."));
        }

        if (!RegionCatalog.Embedded.Contains(RegionCode))
        {
            yield return ("regionCode", new($"“{RegionCode}”不是已知的六位行政区划代码。", $"'{RegionCode}' is not a known six-digit region code."));
        }

        if (Industry is null || !Industries.Known.Contains(Industry))
        {
            yield return ("industry", new(
                $"“{Industry}”不是已知的行业（{string.Join("、", Industries.Known.Order(StringComparer.Ordinal))}）。",
                $"'{Industry}' is not a known industry ({string.Join(", ", Industries.Known.Order(StringComparer.Ordinal))})."));
        }

if (RequestLimits.TooLong(ConsultingProvider, "consultingProvider", RequestLimits.Name) is { } tooLong15)
        {
            yield return tooLong15;
        }

        if (LicenceRequired && LicenceValidUntil is null)
        {
            yield return ("licenceValidUntil", new("需要安全生产许可证的行业须填写许可证有效期截止日。", "An industry that needs a work-safety licence needs the licence's last valid day."));
        }
    }
}

/// <summary>The enterprise's work-safety licence (RULES.md §3.2, §5 licence lapse).</summary>
internal sealed record LicenceRequest(bool LicenceRequired, LocalDate? ValidUntil) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
        if (LicenceRequired && ValidUntil is null)
        {
            yield return ("validUntil", new("需要许可证时须填写许可证有效期截止日。", "A required licence needs its last valid day."));
        }
    }
}

/// <summary>The consulting provider that helps the enterprise (RULES.md §1); it may not review the same enterprise.</summary>
internal sealed record ConsultingProviderRequest(string? Provider) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
        if (Provider is { Length: > 200 })
        {
            yield return ("provider", new("最多 200 个字符。", "At most 200 characters."));
        }
    }
}

/// <summary>One notification channel of the enterprise, in its order of preference.</summary>
internal sealed partial record ContactRequest(int Order, string Channel, IReadOnlyList<string>? Addresses, string? Url, string? Key, string? Secret) : IApiRequest
{
    // One mailbox: a local part and a domain, nothing that could end a header line or name a second recipient.
    [GeneratedRegex(@"^[^\s\p{C}@<>()\[\],;:""]+@[^\s\p{C}@<>()\[\],;:""]+\.[^\s\p{C}@<>()\[\],;:""]+$")]
    private static partial Regex AddressPattern();

    private static bool IsOneAddress(string? address) => address is { Length: > 0 and <= RequestLimits.EmailAddress } && AddressPattern().IsMatch(address);

    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
        if (Order is < 0 or > 99)
        {
            yield return ("order", new("顺序须在 0 到 99 之间。", "The order lies between 0 and 99."));
        }

        if (!EnumNames.TryParse<Notifications.Channels.ChannelKind>(Channel, ignoreCase: true, out _))
        {
            yield return ("channel", new($"“{Channel}”不是可用的通知渠道（Email、Webhook、WeCom、DingTalk）。", $"'{Channel}' is not a channel (Email, Webhook, WeCom, DingTalk)."));
        }

        if (RequestLimits.TooMany(Addresses?.Count, "addresses", RequestLimits.Items) is { } tooLong16)
        {
            yield return tooLong16;
        }

        if (RequestLimits.TooLong(Key, "key", RequestLimits.Secret) is { } tooLong17)
        {
            yield return tooLong17;
        }

        if (RequestLimits.TooLong(Secret, "secret", RequestLimits.Secret) is { } tooLong18)
        {
            yield return tooLong18;
        }

        if (RequestLimits.TooLong(Url, "url", Notifications.Channels.WebhookTargetGuard.MaxUrlLength) is { } tooLong19)
        {
            yield return tooLong19;
        }

        if (Addresses is not null && Addresses.Count <= RequestLimits.Items && Addresses.FirstOrDefault(a => !IsOneAddress(a)) is { } bad)
        {
            var shown = bad is { Length: > 60 } ? bad[..60] + "…" : bad;
            yield return ("addresses", new(
                $"“{shown}”不是一个电子邮件地址（最多 {RequestLimits.EmailAddress} 个字符，不含空格、换行或分隔符）。",
                $"'{shown}' is not one e-mail address (at most {RequestLimits.EmailAddress} characters, no spaces, line breaks or separators)."));
        }
    }
}
