namespace SafetyCert.Host.Cli;

/// <summary>The executable's subcommands.</summary>
internal static class CommandLine
{
    public const string Usage = """
        safetycert <command> [options]

        Commands:
          plan <scenario.json> [--format json|table]   Plan a lifecycle offline and print its timeline.
          serve [--urls <urls>]                        Run the function app (trigger runtime, or custom handler
                                                       under the Azure Functions host).
          dev [--urls <urls>] [--clock-speed <factor>] Run everything locally: Azurite, MailDev, the host in
                                                       Development with demo data and a movable clock.
          token --role <role> [scope options]          Mint a development bearer token (see token --help).
          functions --output <dir>                     Write host.json and every function.json for Azure.
          package --output <file.zip>                  Publish for linux-x64 and zip it with the function layout.
        """;

    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Out.WriteLine(Usage);
            return Task.FromResult(args.Length == 0 ? 2 : 0);
        }

        switch (args[0])
        {
            case "plan":
                return Task.FromResult(PlanCommand.Run(args[1..], Console.Out, Console.Error));
            case "serve":
                return ServeCommand.RunAsync(args[1..]);
            case "dev":
                return DevCommand.RunAsync(args[1..], Console.Out, Console.Error);
            case "token":
                return Task.FromResult(TokenCommand.Run(args[1..], Console.Out, Console.Error));
            case "functions":
                return Task.FromResult(FunctionsCommand.Run(args[1..], Console.Out, Console.Error));
            case "package":
                return PackageCommand.RunAsync(args[1..], Console.Out, Console.Error);
        }

        Console.Error.WriteLine($"Unknown command '{args[0]}'.");
        Console.Error.WriteLine(Usage);
        return Task.FromResult(2);
    }
}
