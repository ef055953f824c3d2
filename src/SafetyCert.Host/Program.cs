return await SafetyCert.Host.Cli.CommandLine.RunAsync(args);
