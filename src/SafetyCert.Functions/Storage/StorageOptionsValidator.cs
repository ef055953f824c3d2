using Microsoft.Extensions.Options;

namespace SafetyCert.Functions.Storage;

/// <summary>Fails start-up with every problem of the <c>Storage</c> section, each naming its setting.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
