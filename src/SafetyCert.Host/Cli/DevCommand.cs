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

    public const string Usage = """
        safetycert dev [--urls <urls>] [--clock-speed <factor>] [--clock-offset <ISO period>]
                       [--azurite-port <blob port>] [--azurite-data <folder>] [--smtp-port <port>] [--mail-web-port <port>]
                       [--no-console] [host settings…]

          --urls           Where the host listens (default http://127.0.0.1:7071).
          --azurite-port   Azurite's blob port; queue and table take the next two (default 10000).
          --azurite-data   Where Azurite keeps its data and the clock of the last run (default .azurite/).
          --smtp-port      MailDev's SMTP port (default 1025); --mail-web-port its inbox (default 1080).
                           With these a second dev host (a browser test run) stays apart from a developer's.
          --no-console     Neither build nor serve the web console at /.
          --clock-speed    How many times faster than real time the development clock runs
                           (43200: a month per minute).
          --clock-offset   How far ahead of today the clock starts, e.g. P2M.
          Other arguments reach the host as configuration, e.g. --Storage:Prefix=demo2.
        """;

    private static readonly TimeSpan TokenLifetime = DemoParties.TokenLifetime;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is ["-h" or "--help"])
        {
            stdout.WriteLine(Usage);
            return 0;
        }

        if (!TryParse(args, out var options, out var problem))
        {
            stderr.WriteLine(problem);
            stderr.WriteLine(Usage);
            return 2;
        }

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

    private static bool TryParse(string[] args, out DevOptions options, out string? problem)
    {
        var hostArgs = new List<string> { "--environment", "Development" };
        var urls = DefaultUrls;
        var parsed = new DevOptions([]);
        problem = null;
        for (var i = 0; i < args.Length; i++)
        {
            var (name, value) = args[i] switch
            {
                "--no-console" => (args[i], args[i]),
                "--urls" or "--clock-speed" or "--clock-offset" or "--azurite-port" or "--azurite-data" or "--smtp-port" or "--mail-web-port" when i + 1 < args.Length => (args[i], args[++i]),
                "--urls" or "--clock-speed" or "--clock-offset" or "--azurite-port" or "--azurite-data" or "--smtp-port" or "--mail-web-port" => (args[i], null),
                _ => (null, args[i]),
            };
            switch (name)
            {
                case not null when value is null:
                    problem = $"{name} needs a value.";
                    break;
                case "--urls":
                    urls = value!;
                    break;
                case "--clock-speed" when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) || speed < 1:
                    problem = $"--clock-speed is '{value}'; give a factor of at least 1, e.g. 43200 for a month per minute.";
                    break;
                case "--clock-speed":
                    hostArgs.Add($"--{DevelopmentClockOptions.Section}:Speed={value}");
                    break;
                case "--no-console":
                    parsed = parsed with { Console = false };
                    break;
                case "--azurite-data":
                    parsed = parsed with { AzuriteData = value };
                    break;
                case "--azurite-port" or "--smtp-port" or "--mail-web-port" when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65533:
                    problem = $"{name} is '{value}'; give a port number (1-65533).";
                    break;
                case "--azurite-port":
                    parsed = parsed with { AzuritePort = int.Parse(value!, CultureInfo.InvariantCulture) };
                    break;
                case "--smtp-port":
                    parsed = parsed with { SmtpPort = int.Parse(value!, CultureInfo.InvariantCulture) };
                    break;
                case "--mail-web-port":
                    parsed = parsed with { MailWebPort = int.Parse(value!, CultureInfo.InvariantCulture) };
                    break;
                case "--clock-offset":
                    hostArgs.Add($"--{DevelopmentClockOptions.Section}:Offset={value}");
                    break;
                default:
                    hostArgs.Add(value!);
                    break;
            }

            if (problem is not null)
            {
                options = new DevOptions([]);
                return false;
            }
        }

        hostArgs.AddRange(["--urls", urls]);
        options = parsed with { HostArgs = [.. hostArgs] };
        return true;
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
