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
    public const string Usage = """
        safetycert token --role <Enterprise|ReviewOrganization|ReviewUnit|Regulator|Administrator>
                         [--enterprise <id>] [--body <id>] [--region <code>] [--level <National|Provincial|Municipal>]
                         [--subject <name>] [--hours <n>]
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 1 && args[0] is "-h" or "--help")
        {
            stdout.WriteLine(Usage);
            return 0;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                stderr.WriteLine($"token: unexpected argument '{args[i]}'.\n{Usage}");
                return 2;
            }

            values[args[i][2..]] = args[++i];
        }

        var unknown = values.Keys.Except(["role", "enterprise", "body", "region", "level", "subject", "hours"]).FirstOrDefault();
        if (unknown is not null || !values.TryGetValue("role", out var roleText) || !EnumNames.TryParse<Party>(roleText, ignoreCase: false, out var role))
        {
            stderr.WriteLine($"token: {(unknown is null ? "--role must be one of Enterprise, ReviewOrganization, ReviewUnit, Regulator, Administrator" : $"unknown option --{unknown}")}.\n{Usage}");
            return 2;
        }

        RegulatorLevel? level = null;
        if (values.TryGetValue("level", out var levelText))
        {
            if (!EnumNames.TryParse<RegulatorLevel>(levelText, ignoreCase: false, out var parsed))
            {
                stderr.WriteLine("token: --level must be National, Provincial or Municipal.");
                return 2;
            }

            level = parsed;
        }

        var hours = values.TryGetValue("hours", out var hoursText) && int.TryParse(hoursText, out var h) && h > 0 ? h : 12;
        var caller = new Caller(
            values.GetValueOrDefault("subject") ?? $"dev-{role.ToString().ToLowerInvariant()}",
            role,
            values.GetValueOrDefault("enterprise"),
            values.GetValueOrDefault("body"),
            values.GetValueOrDefault("region"),
            level);
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
