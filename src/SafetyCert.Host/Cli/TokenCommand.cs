using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Serialization;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Host.Configuration;

namespace SafetyCert.Host.Cli;

/// <summary>
/// <c>safetycert token --role Regulator --region 640000 --level Provincial [--subject s] [--hours 12]</c>:
/// mints a development token with the local signing key.
/// </summary>
internal static class TokenCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        CommandLine.InvokeAsync(["token", .. args], stdout, stderr).GetAwaiter().GetResult();

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var role = new Option<string>("--role") { Description = "Who the token acts as.", Required = true };
        role.AcceptOnlyFromAmong(Enum.GetNames<Party>());
        var enterprise = new Option<string?>("--enterprise") { Description = "The enterprise an Enterprise caller acts for." };
        var body = new Option<string?>("--body") { Description = "The review organization or unit a ReviewOrganization or ReviewUnit caller belongs to." };
        var region = new Option<string?>("--region") { Description = "A Regulator's administrative division code, e.g. 640000." };
        var level = new Option<string?>("--level") { Description = "A Regulator's level." };
        level.AcceptOnlyFromAmong(Enum.GetNames<RegulatorLevel>());
        var subject = new Option<string?>("--subject") { Description = "The token's subject (default dev-<role>)." };
        var hours = new Option<int>("--hours") { Description = "How many hours the token is valid.", DefaultValueFactory = _ => 12 };
        hours.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return 12;
            }

            if (int.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
            {
                return value;
            }

            result.AddError($"--hours is '{result.Tokens[0].Value}'; give a whole number of hours, at least 1.");
            return 12;
        };
        var command = new Command("token", "Mint a development bearer token with the local signing key.")
        {
            role, enterprise, body, region, level, subject, hours,
        };
        command.SetAction(result =>
        {
            var party = EnumNames.Parse<Party>(result.GetValue(role)!);
            var caller = new Caller(
                result.GetValue(subject) ?? $"dev-{party.ToString().ToLowerInvariant()}",
                party,
                result.GetValue(enterprise),
                result.GetValue(body),
                result.GetValue(region),
                result.GetValue(level) is { } name ? EnumNames.Parse<RegulatorLevel>(name) : null);
            return Mint(caller, result.GetValue(hours), stdout, stderr);
        });
        return command;
    }

    private static int Mint(Caller caller, int hours, TextWriter stdout, TextWriter stderr)
    {
        if (caller.ScopeProblem() is { } problem)
        {
            stderr.WriteLine($"token: {problem}.");
            return 2;
        }

        var configuration = new ConfigurationBuilder()
            .AddLocalSettings(Directory.GetCurrentDirectory())
            .AddEnvironmentVariables()
            .Build();
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        if (string.IsNullOrEmpty(jwt.SigningKey))
        {
            stderr.WriteLine("token: no Jwt:SigningKey in local.settings.json or the environment; development tokens need one.");
            return 1;
        }

        stdout.WriteLine(new TokenIssuer(Options.Create(jwt), TimeProvider.System).Issue(caller, TimeSpan.FromHours(hours)));
        return 0;
    }
}
