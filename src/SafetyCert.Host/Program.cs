using SafetyCert.Host.Cli;

return await CommandLine.RunAsync(args);
