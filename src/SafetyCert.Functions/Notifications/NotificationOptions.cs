using System.ComponentModel.DataAnnotations;

namespace SafetyCert.Functions.Notifications;

/// <summary>
/// Bound from the configuration section <c>Notifications</c>; validated when the host starts.
/// </summary>
internal sealed class NotificationOptions
{
    public const string Section = "Notifications";

    [Required]
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Base address of the WeCom robot API; tests point it at a local receiver.</summary>
    [Required]
    public Uri WeComBaseUrl { get; set; } = new("https://qyapi.weixin.qq.com");

    /// <summary>Base address of the DingTalk robot API.</summary>
    [Required]
    public Uri DingTalkBaseUrl { get; set; } = new("https://oapi.dingtalk.com");

    /// <summary>Messages per minute to one robot. Both vendors allow 20; DingTalk blocks a robot for 10 minutes beyond that.</summary>
    [Range(1, 20)]
    public int RobotMessagesPerMinute { get; set; } = 20;

    /// <summary>Messages per minute to one webhook URL.</summary>
    [Range(1, 10_000)]
    public int WebhookMessagesPerMinute { get; set; } = 120;

    /// <summary>Messages per minute through the SMTP relay.</summary>
    [Range(1, 10_000)]
    public int SmtpMessagesPerMinute { get; set; } = 120;

    /// <summary>Attempts on one channel before a transient failure counts as permanent.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failure; doubled after each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a sender's claim on a delivery holds; an older claim means the sender died mid-send.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan SendingLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many days ahead the daily digest looks.</summary>
    [Range(1, 366)]
    public int DigestLookaheadDays { get; set; } = 30;

    /// <summary>
    /// Host names or IP literals, separated by commas or semicolons, that a webhook may reach although they are not
    /// public https addresses, e.g. a receiver on the developer's machine (<c>127.0.0.1;localhost</c>). Empty in
    /// production: every webhook is https to a public address.
    /// </summary>
    public string WebhookAllowedHosts { get; set; } = "";

    /// <summary>Timeout for one HTTP call to a webhook or robot.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
