using System.ComponentModel.DataAnnotations;

namespace SafetyCert.Functions.Notifications;

/// <summary>The <c>Notifications:Smtp</c> section: the relay (MailDev on localhost:1025 locally).</summary>
internal sealed class SmtpOptions
{
    [Required]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 1025;

    /// <summary>The From address.</summary>
    [Required]
    [EmailAddress]
    public string Sender { get; set; } = "noreply@safetycert.local";

    public string SenderName { get; set; } = "安全生产标准化 SafetyCert";

    /// <summary>Require STARTTLS (or implicit TLS on 465); off for MailDev.</summary>
    public bool UseTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
