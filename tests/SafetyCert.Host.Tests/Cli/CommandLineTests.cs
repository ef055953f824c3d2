using SafetyCert.Host.Cli;

namespace SafetyCert.Host.Tests.Cli;

public class CommandLineTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var command in CommandLine.Create(TextWriter.Null, TextWriter.Null).Subcommands)
        {
            data.Add(command.Name);
        }

        return data;
    }

    [Fact]
    public async Task The_root_help_lists_every_command()
    {
        var (exit, output, _) = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.All(["plan", "serve", "dev", "token", "import"], name => Assert.Contains($"  {name}", output, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_on_a_command_lists_and_describes_every_option(string name)
    {
        var command = CommandLine.Create(TextWriter.Null, TextWriter.Null).Subcommands.Single(c => c.Name == name);

        var (exit, output, errors) = await RunAsync(name, "--help");

        Assert.Equal(0, exit);
        Assert.Empty(errors);
        Assert.Matches($@"Usage:\s+\S+ {name} ", output);
        Assert.NotEmpty(command.Options);
        Assert.All(command.Options, option =>
        {
            Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{name} {option.Name} has no description");
            Assert.Contains(option.Name, output, StringComparison.Ordinal);
            Assert.Contains(option.Description!, output, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_unknown_option_is_named_with_where_help_is_and_exits_non_zero()
    {
        var (exit, output, errors) = await RunAsync("token", "--role", "Administrator", "--bogus", "1");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("'--bogus'", errors, StringComparison.Ordinal);
        Assert.Contains("safetycert token --help", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev", "--smtp-port", "abc", "--smtp-port is 'abc'")]
    [InlineData("dev", "--clock-speed", "0.5", "--clock-speed is '0.5'")]
    [InlineData("token", "--role", "Auditor", "'Auditor'")]
    [InlineData("token", "--hours", "2", "Option '--role' is required")]
    public async Task A_bad_value_is_named_and_exits_non_zero(string name, string option, string value, string expected)
    {
        var (exit, _, errors) = await RunAsync(name, option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("serve")]
    public void Dev_and_serve_pass_unknown_options_on_as_host_configuration(string name)
    {
        var result = CommandLine.Create(TextWriter.Null, TextWriter.Null)
            .Parse([name, "--Storage:Prefix=demo2", "--urls", "http://127.0.0.1:7999", "--Jwt:Issuer", "local"]);

        Assert.Empty(result.Errors);
        Assert.Equal(["--Storage:Prefix=demo2", "--Jwt:Issuer", "local"], result.UnmatchedTokens);
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await CommandLine.InvokeAsync(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }
}
