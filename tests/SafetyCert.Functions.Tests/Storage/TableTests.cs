using Azure.Data.Tables;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Tests.Support;

namespace SafetyCert.Functions.Tests.Storage;

public sealed class TableTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TableTransactionAction Add(string partition, string row) =>
        new(TableTransactionActionType.Add, new TableEntity(partition, row) { ["Value"] = row });

    [Fact]
    public async Task SubmitAsync_of_more_than_100_entities_throws_before_sending()
    {
        var table = await azurite.NewAccount().TableAsync("guards", Ct);
        var actions = Enumerable.Range(0, 101).Select(i => Add("p", $"r{i:D3}")).ToList();

        var error = await Assert.ThrowsAsync<TableBatchLimitException>(() => table.SubmitAsync(actions, Ct));

        Assert.Contains("101", error.Message, StringComparison.Ordinal);
        Assert.Empty(await table.QueryAsync("PartitionKey eq 'p'", cancellationToken: Ct).ToListAsync(Ct));
        await table.SubmitAsync(actions[..100], Ct);
        Assert.Equal(100, await table.QueryAsync("PartitionKey eq 'p'", cancellationToken: Ct).CountAsync(Ct));
    }

    [Fact]
    public async Task SubmitAsync_across_partitions_throws_before_sending_although_Azurite_would_accept_it()
    {
        var table = await azurite.NewAccount().TableAsync("guards", Ct);

        var error = await Assert.ThrowsAsync<TableBatchLimitException>(() => table.SubmitAsync([Add("a", "1"), Add("b", "1")], Ct));

        Assert.Contains("one partition", error.Message, StringComparison.Ordinal);
        Assert.Empty(await table.QueryAsync("PartitionKey ne ''", cancellationToken: Ct).ToListAsync(Ct));
    }

    [Fact]
    public void CheckBatch_refuses_a_row_twice_and_a_payload_over_4_MiB()
    {
        Assert.Throws<TableBatchLimitException>(() => Table.CheckBatch([Add("a", "1"), Add("a", "1")]));
        var big = Enumerable.Range(0, 20).Select(i => new TableTransactionAction(
            TableTransactionActionType.Add,
            new TableEntity("a", $"{i}") { ["A"] = new string('x', 30_000), ["B"] = new string('x', 30_000), ["C"] = new string('x', 30_000), ["D"] = new string('x', 30_000) })).ToList();
        var error = Assert.Throws<TableBatchLimitException>(() => Table.CheckBatch(big));
        Assert.Contains("4 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_ETag_race_is_a_StorageConflictException()
    {
        var table = await azurite.NewAccount().TableAsync("guards", Ct);
        var etag = await table.AddAsync(new TableEntity("p", "r") { ["V"] = 1 }, Ct);
        await table.UpdateAsync(new TableEntity("p", "r") { ["V"] = 2 }, etag, TableUpdateMode.Replace, Ct);

        await Assert.ThrowsAsync<StorageConflictException>(() => table.UpdateAsync(new TableEntity("p", "r") { ["V"] = 3 }, etag, TableUpdateMode.Replace, Ct));
        await Assert.ThrowsAsync<StorageConflictException>(() => table.AddAsync(new TableEntity("p", "r"), Ct));
    }

    [Theory]
    [InlineData("plain-id_1", "plain-id_1")]
    [InlineData("a/b", "a~2Fb")]
    [InlineData("x#y?z", "x~23y~3Fz")]
    [InlineData("back\\slash", "back~5Cslash")]
    [InlineData("pipe|tilde~", "pipe~7Ctilde~7E")]
    [InlineData("tab\there", "tab~09here")]
    public void TableKey_Escape_replaces_what_keys_may_not_hold(string text, string expected) =>
        Assert.Equal(expected, TableKey.Escape(text));

    [Theory]
    [InlineData("")]
    [InlineData("lower-dash")]
    [InlineData("Upper")]
    [InlineData("1starts")]
    [InlineData("waytoolongprefixforatable")]
    public void StorageOptions_with_a_bad_prefix_names_the_prefix(string prefix)
    {
        var options = new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", Prefix = prefix };
        if (prefix.Length == 0)
        {
            Assert.Empty(options.Problems());
            return;
        }

        Assert.Contains(options.Problems(), p => p.Contains($"'{prefix}'", StringComparison.Ordinal));
    }

    [Fact]
    public void StorageOptions_without_a_connection_string_needs_every_endpoint()
    {
        var options = new StorageOptions { TableEndpoint = new Uri("https://a.table.core.windows.net"), Prefix = "sc" };
        Assert.Contains(options.Problems(), p => p.Contains("BlobEndpoint", StringComparison.Ordinal));
    }
}
