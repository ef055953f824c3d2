using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SafetyCert.Functions.Notifications;

/// <summary>Checks the whole section, the nested <c>Smtp</c> part included, naming every bad key at start-up.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(options, NotificationOptions.Section, failures);
        Check(options.Smtp, $"{NotificationOptions.Section}:Smtp", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object target, string section, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{section}:{string.Join(',', r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
