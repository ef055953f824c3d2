using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Api.ReviewBodies;
using SafetyCert.Host.Configuration;
using SafetyCert.Host.Development;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Host.Cli;

/// <summary>
/// <c>safetycert dev</c>: the whole app on one machine. Installs infra/local's packages when missing, reuses or
/// starts Azurite (data in <c>.azurite/</c>) and MailDev, creates local.settings.json from the sample, runs the
/// host in Development with demo data, and prints where to look. Ctrl-C or SIGTERM stops what it started.
/// </summary>
internal static class DevCommand
{
    public const string DefaultUrls = "http://127.0.0.1:7071";
    public static readonly int[] AzuritePorts = [10000, 10001, 10002];
    public const int SmtpPort = 1025;
    public const int MailWebPort = 1080;

    /// <summary>Where, inside the Azurite data folder, the clock of the last run is kept.</summary>
    public const string ClockFileName = "dev-clock.txt";

    private static readonly TimeSpan TokenLifetime = DemoParties.TokenLifetime;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var urls = new Option<string>("--urls") { Description = "Where the host listens.", DefaultValueFactory = _ => DefaultUrls };
        var clockSpeed = new Option<double?>("--clock-speed") { Description = "How many times faster than real time the development clock runs (43200: a month per minute)." };
        clockSpeed.CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed >= 1)
            {
                return speed;
            }

            result.AddError($"--clock-speed is '{text}'; give a factor of at least 1, e.g. 43200 for a month per minute.");
            return null;
        };
        var clockOffset = new Option<string?>("--clock-offset") { Description = "How far ahead of today the clock starts, as an ISO period, e.g. P2M." };
        var azuritePort = PortOption("--azurite-port", "Azurite's blob port; queue and table take the next two.", AzuritePorts[0]);
        var azuriteData = new Option<string?>("--azurite-data") { Description = "Where Azurite keeps its data and the clock of the last run (default .azurite/ in the checkout)." };
        var smtpPort = PortOption("--smtp-port", "MailDev's SMTP port. With other ports a second dev host (a browser test run) stays apart from a developer's.", SmtpPort);
        var mailWebPort = PortOption("--mail-web-port", "MailDev's inbox (web) port.", MailWebPort);
        var noConsole = new Option<bool>("--no-console") { Description = "Neither build nor serve the web console at /." };
        var command = new Command(
            "dev",
            "Run everything locally: Azurite, MailDev, the host in Development with demo data and a movable clock. Other arguments reach the host as configuration, e.g. --Storage:Prefix=demo2.")
        {
            urls, clockSpeed, clockOffset, azuritePort, azuriteData, smtpPort, mailWebPort, noConsole,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, cancellationToken) =>
        {
            // The user's host settings come after the environment, so they may override it.
            List<string> hostArgs = ["--environment", "Development"];
            if (result.GetValue(clockSpeed) is { } speed)
            {
                hostArgs.Add($"--{DevelopmentClockOptions.Section}:Speed={speed.ToString(CultureInfo.InvariantCulture)}");
            }

            if (result.GetValue(clockOffset) is { } offset)
            {
                hostArgs.Add($"--{DevelopmentClockOptions.Section}:Offset={offset}");
            }

            hostArgs.AddRange(result.UnmatchedTokens);
            hostArgs.AddRange(["--urls", result.GetValue(urls)!]);
            return RunAsync(
                new DevOptions([.. hostArgs])
                {
                    AzuritePort = result.GetValue(azuritePort),
                    AzuriteData = result.GetValue(azuriteData),
                    SmtpPort = result.GetValue(smtpPort),
                    MailWebPort = result.GetValue(mailWebPort),
                    Console = !result.GetValue(noConsole),
                },
                stdout,
                stderr);
        });
        return command;
    }

    private static Option<int> PortOption(string name, string description, int defaultPort)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultPort };
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return defaultPort;
            }

            if (int.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65533)
            {
                return port;
            }

            result.AddError($"{name} is '{result.Tokens[0].Value}'; give a port number (1-65533).");
            return defaultPort;
        };
        return option;
    }

    private static async Task<int> RunAsync(DevOptions options, TextWriter stdout, TextWriter stderr)
    {
        var root = RepositoryRoot();
        if (root is null)
        {
            stderr.WriteLine("dev runs inside a SafetyCert checkout (a folder with Serverless.sln); none found here or above.");
            return 2;
        }

        using var stopping = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var services = new List<LocalService>();
        void KillChildren(object? sender, EventArgs e)
        {
            foreach (var service in services)
            {
                service.Dispose();
            }
        }

        // Whatever ends the process, the children go with it.
        AppDomain.CurrentDomain.ProcessExit += KillChildren;
        try
        {
            var local = Path.Combine(root, "infra", "local");
            if (!Directory.Exists(Path.Combine(local, "node_modules")) && await NpmCiAsync(local, stdout, stopping.Token) is not 0)
            {
                stderr.WriteLine($"npm ci failed in {local}.");
                return 1;
            }

            var azuriteData = options.AzuriteData is { } data ? Path.GetFullPath(data) : Path.Combine(root, ".azurite");
            int[] azuritePorts = [options.AzuritePort, options.AzuritePort + 1, options.AzuritePort + 2];
            Directory.CreateDirectory(azuriteData);
            services.Add(await LocalService.ReuseOrStartAsync(
                "Azurite", local, "azurite", azuritePorts,
                [
                    "--blobHost", "127.0.0.1", "--blobPort", Port(azuritePorts[0]),
                    "--queueHost", "127.0.0.1", "--queuePort", Port(azuritePorts[1]),
                    "--tableHost", "127.0.0.1", "--tablePort", Port(azuritePorts[2]),
                    "--location", azuriteData, "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--silent",
                ],
                stopping.Token));
            Report(stdout, services[^1], $"127.0.0.1:{azuritePorts[0]}-{azuritePorts[2]}, data in {azuriteData}");
            services.Add(await LocalService.ReuseOrStartAsync(
                "MailDev", local, "maildev", [options.SmtpPort, options.MailWebPort],
                ["--smtp", Port(options.SmtpPort), "--web", Port(options.MailWebPort), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--silent"],
                stopping.Token));
            Report(stdout, services[^1], $"SMTP 127.0.0.1:{options.SmtpPort}, inbox http://127.0.0.1:{options.MailWebPort}");

            var hadSettings = File.Exists(Path.Combine(root, LocalSettings.FileName));
            var settings = LocalSettings.Locate(root);
            stdout.WriteLine(hadSettings ? $"Settings: {settings}" : $"Settings: created {settings} from {LocalSettings.SampleName}");

            // The stored workflows and the sweep's watermark live at the clock of the last run: resume from there.
            var clockFile = Path.Combine(azuriteData, ClockFileName);
            var hostArgs = options.HostArgs;
            if (options.AzuritePort != AzuritePorts[0])
            {
                var connection = AzuriteConnectionString(options.AzuritePort);
                hostArgs = [.. hostArgs, $"--AzureWebJobsStorage={connection}", $"--Storage:ConnectionString={connection}"];
            }

            if (options.SmtpPort != SmtpPort)
            {
                hostArgs = [.. hostArgs, $"--Notifications:Smtp:Port={Port(options.SmtpPort)}"];
            }

            if (options.Console)
            {
                var console = await ConsoleBuild.EnsureBuiltAsync(root, stdout, stderr, stopping.Token);
                if (console is null)
                {
                    return 1;
                }

                hostArgs = [.. hostArgs, $"--{ConsoleSite.RootSetting}={console}"];
            }

            if (File.Exists(clockFile) && (await File.ReadAllTextAsync(clockFile, stopping.Token)).Trim() is { Length: > 0 } lastClock)
            {
                hostArgs = [.. hostArgs, $"--{DevelopmentClockOptions.Section}:NotBefore={lastClock}"];
                stdout.WriteLine($"Clock: resumes no earlier than {lastClock}, where the last run left it (delete {clockFile} with the data to start over).");
            }

            // The host finds local.settings.json from the current directory.
            Directory.SetCurrentDirectory(root);
            await using var app = ServeCommand.Build(hostArgs, loadStoredCalendar: true);
            await app.StartAsync(stopping.Token);
            var seeded = await new DemoData(
                app.Services.GetRequiredService<WorkflowClients>().For(app.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>()),
                app.Services.GetRequiredService<ContactBook>(),
                app.Services.GetRequiredService<IClock>())
            {
                Registries = new DemoRegistries(
                    app.Services.GetRequiredService<EnterpriseRegistry>(),
                    app.Services.GetRequiredService<CertificateIndex>(),
                    app.Services.GetRequiredService<ReviewBodyRegistry>()),
            }.SeedAsync(stopping.Token);
            PrintWhereToLook(stdout, app, seeded, options);
            try
            {
                await app.WaitForShutdownAsync(stopping.Token);
            }
            finally
            {
                await File.WriteAllTextAsync(clockFile, InstantPattern.ExtendedIso.Format(app.Services.GetRequiredService<IClock>().GetCurrentInstant()), CancellationToken.None);
            }

            return 0;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= KillChildren;
            KillChildren(null, EventArgs.Empty);
            foreach (var service in services.Where(s => s.Started))
            {
                stdout.WriteLine($"{service.Name}: stopped.");
            }
        }

        void Stop(PosixSignalContext context)
        {
            // Stop in order (host, then the services) rather than dying at once and leaving children behind.
            context.Cancel = true;
            stopping.Cancel();
        }
    }

    /// <summary>The development callers the printed tokens act as: one per role, in the demo's regions.</summary>
    public static IReadOnlyList<(string Label, Caller Caller)> DemoCallers => DemoParties.All;

    private static void PrintWhereToLook(TextWriter stdout, WebApplication app, int seeded, DevOptions options)
    {
        var api = (app.Urls.FirstOrDefault() ?? DefaultUrls).TrimEnd('/');
        var clock = app.Services.GetRequiredService<DevelopmentClock>();
        var issuer = new TokenIssuer(app.Services.GetRequiredService<IOptions<JwtOptions>>(), TimeProvider.System);
        var now = clock.GetCurrentInstant().InZone(Domain.Time.ShanghaiTime.Zone);
        stdout.WriteLine();
        stdout.WriteLine("SafetyCert runs in Development.");
        if (options.Console)
        {
            stdout.WriteLine($"  Console           {api}/ (sign in as any demo party)");
        }

        stdout.WriteLine($"  API               {api}/api");
        stdout.WriteLine($"  Task hub          {app.Configuration["TaskHubName"]} in the Azurite account (Durable's Instances and History tables)");
        stdout.WriteLine($"  Health            {api}/healthz");
        stdout.WriteLine($"  Mail inbox        http://127.0.0.1:{options.MailWebPort}");
        stdout.WriteLine($"  Clock             {now.ToString("uuuu-MM-dd HH:mm:ss o<+HH:mm>", CultureInfo.InvariantCulture)}, {clock.Speed.ToString(CultureInfo.InvariantCulture)}x real time");
        stdout.WriteLine($"                    GET  {api}{DevelopmentClockApi.Path}");
        stdout.WriteLine($"                    POST {api}{DevelopmentClockApi.Path} {{\"advance\":\"P30D\"}} or {{\"to\":\"2027-03-01T09:00:00+08:00\"}}");
        stdout.WriteLine($"  Demo data         {(seeded > 0 ? $"{seeded} new workflow instance(s)" : "already seeded")}: certificates demo-cert-nx-steel and demo-cert-bj-build (seeded to expire 3 and 10 days on), demo-cert-my-mine (fatal accident, revoked); application demo-app-fz-textile (material review); self-assessment {DemoData.SelfAssessmentId(now.Year)}");
        stdout.WriteLine();
        stdout.WriteLine($"Development tokens (Authorization: Bearer …, valid {TokenLifetime.TotalDays:0} days):");
        foreach (var (label, caller) in DemoCallers)
        {
            stdout.WriteLine($"  {label}");
            stdout.WriteLine($"    {issuer.Issue(caller, TokenLifetime)}");
        }

        stdout.WriteLine();
        stdout.WriteLine("Ctrl-C stops the host and every service started here.");
    }

    private static void Report(TextWriter stdout, LocalService service, string where) =>
        stdout.WriteLine(service.Started ? $"{service.Name}: started on {where}." : $"{service.Name}: already listening on {where}; reusing it.");

    private static async Task<int> NpmCiAsync(string folder, TextWriter stdout, CancellationToken cancellationToken)
    {
        stdout.WriteLine($"Installing Azurite and MailDev: npm ci in {folder}");
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", "ci --no-audit --no-fund") { WorkingDirectory = folder, UseShellExecute = false };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started; is Node.js installed?");
        try
        {
            await npm.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw;
        }

        return npm.ExitCode;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>Azurite's well-known development account at another blob port (queue and table on the next two).</summary>
    private static string AzuriteConnectionString(int blobPort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + $"BlobEndpoint=http://127.0.0.1:{Port(blobPort)}/devstoreaccount1;"
        + $"QueueEndpoint=http://127.0.0.1:{Port(blobPort + 1)}/devstoreaccount1;"
        + $"TableEndpoint=http://127.0.0.1:{Port(blobPort + 2)}/devstoreaccount1;";

    private sealed record DevOptions(string[] HostArgs)
    {
        public int AzuritePort { get; init; } = AzuritePorts[0];

        public string? AzuriteData { get; init; }

        public int SmtpPort { get; init; } = DevCommand.SmtpPort;

        public int MailWebPort { get; init; } = DevCommand.MailWebPort;

        public bool Console { get; init; } = true;
    }
}
