namespace SafetyCert.Host.Cli;

/// <summary>The executable's subcommands.</summary>
internal static class CommandLine
{
    public const string Usage = """
        safetycert <command> [options]

        Commands:
          plan <scenario.json> [--format json|table]   Plan a lifecycle offline and print its timeline.
          serve [--urls <urls>]                        Run the function app's functions in this process against
                                                       the storage account local.settings.json names.
          dev [--urls <urls>] [--clock-speed <factor>] Run everything locally: Azurite, MailDev, the host in
                                                       Development with demo data and a movable clock.
          token --role <role> [scope options]          Mint a development bearer token (see token --help).
          import <file.csv|.xlsx> [--dry-run]          Import a regulator's ledger through a running host's API
                                                       (see import --help).
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
            case "import":
                return ImportCommand.RunAsync(args[1..], Console.Out, Console.Error);
            case "token":
                return Task.FromResult(TokenCommand.Run(args[1..], Console.Out, Console.Error));
        }

        Console.Error.WriteLine($"Unknown command '{args[0]}'.");
        Console.Error.WriteLine(Usage);
        return Task.FromResult(2);
    }
}
