namespace SafetyCert.Infra.Tests.Bicep;

/// <summary>What one run of the bicep CLI printed and returned.</summary>
public sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() =>
        $"exit code {ExitCode}{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}";
}
