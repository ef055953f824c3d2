using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace SafetyCert.Host.Local;

/// <summary>
/// Feeds one queue function as the Functions queue trigger does: polls with back-off while the queue is empty, fetches
/// a batch whenever no more than the new-batch threshold are still running, keeps each message invisible while its
/// function runs, deletes it on success, makes it visible again after the visibility timeout on failure, and after
/// the last allowed dequeue moves it to <c>{queue}-poison</c>. Messages are Base64, as Functions expects them. No
/// storage error ends the loop: it is logged, the poll backs off, and the loop goes on until the host stops.
/// </summary>
internal sealed class QueueFunctionListener : BackgroundService
{
    // Settling must finish even while the host stops, but a stalled account must not hold the stop up indefinitely.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    private readonly FunctionDescriptor function;
    private readonly LocalQueueOptions options;
    private readonly int newBatchThreshold;
    private readonly QueueClient queue;
    private readonly QueueClient poisonQueue;
    private readonly IServiceProvider services;
    private readonly ILogger logger;
    private int inFlight;
    private TaskCompletionSource settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool reportedMissing;

    public QueueFunctionListener(
        FunctionDescriptor function,
        IOptions<LocalFunctionsOptions> options,
        IConfiguration configuration,
        IServiceProvider services,
        ILogger<QueueFunctionListener> logger)
    {
        this.function = function;
        this.services = services;
        this.logger = logger;
        this.options = options.Value.Queues;
        newBatchThreshold = this.options.NewBatchThreshold ?? this.options.BatchSize / 2;

        // Queue names are lowercase in Azure; Functions lowercases a resolved name too.
        var name = AppSettings.Resolve(((QueueTriggerAttribute)function.Trigger).QueueName, configuration, function.Name).ToLowerInvariant();
        QueueNames.Check(function.Name, name);
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        clientOptions.MessageDecodingFailed += MoveUndecodableAsync;
        queue = new QueueClient(options.Value.StorageConnectionString, name, clientOptions);
        poisonQueue = new QueueClient(options.Value.StorageConnectionString, QueueNames.Poison(name), clientOptions);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        QueueLog.Listening(logger, function.Name, queue.Name);
        var delay = options.MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitForInFlightAsync(newBatchThreshold, stoppingToken);
                var messages = await ReceiveAsync(stoppingToken);
                if (messages.Length > 0)
                {
                    delay = options.MinPollingInterval;
                    foreach (var message in messages)
                    {
                        Interlocked.Increment(ref inFlight);
                        _ = Task.Run(() => ProcessAsync(message, stoppingToken), CancellationToken.None);
                    }

                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // No storage failure may end the listener: it backs off and polls again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                QueueLog.ReceiveFailed(logger, queue.Name, delay, e);
            }

            try
            {
                // Real time: the queue lives on the storage account's clock, not the development clock.
                await Task.Delay(delay, TimeProvider.System, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = delay * 2 < options.MaxPollingInterval ? delay * 2 : options.MaxPollingInterval;
        }

        // The functions were handed the stopping token; their messages are settled before the host goes.
        await WaitForInFlightAsync(0, CancellationToken.None);
    }

    private async Task<QueueMessage[]> ReceiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            return (await queue.ReceiveMessagesAsync(options.BatchSize, options.MessageLease, stoppingToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // As in Functions, a queue that does not exist yet is an empty one; whoever sends to it creates it.
            if (!reportedMissing)
            {
                reportedMissing = true;
                QueueLog.QueueMissing(logger, function.Name, queue.Name);
            }

            return [];
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                // Its earlier deliveries ended without settling it (a host was killed): it has had its chances.
                QueueLog.Poisoned(logger, queue.Name, message.MessageId, message.DequeueCount, null);
                await SettleAsync(message, message.PopReceipt, failure: null, poison: true, stoppingToken);
            }
            else
            {
                await RunAndSettleAsync(message, stoppingToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
            Interlocked.Exchange(ref settled, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    /// <summary>Runs the function while keeping the message invisible, then settles it with the latest pop receipt.</summary>
    private async Task RunAndSettleAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        var receipt = message.PopReceipt;
        Exception? failure = null;
        using (var renewing = new CancellationTokenSource())
        {
            var renewal = KeepInvisibleAsync(renewing.Token);
            try
            {
                await InvokeAsync(message, stoppingToken);
            }
#pragma warning disable CA1031 // Any failure of the function is a failed delivery: the message comes back or goes to poison.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
            finally
            {
                // The renewal is awaited, not abandoned: one in flight may still change the pop receipt settling needs.
                await renewing.CancelAsync();
                await renewal;
            }
        }

        await SettleAsync(message, receipt, failure, poison: false, stoppingToken);

        async Task KeepInvisibleAsync(CancellationToken stop)
        {
            while (true)
            {
                try
                {
                    await Task.Delay(options.MessageLease / 2, TimeProvider.System, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                try
                {
                    // Not cancelled when the function ends, for the same reason; bounded by the lease it renews.
                    using var timeout = new CancellationTokenSource(options.MessageLease);
                    var updated = await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: options.MessageLease, cancellationToken: timeout.Token);
                    receipt = updated.Value.PopReceipt;
                }
                catch (RequestFailedException e) when (e.Status == 404 || e.ErrorCode == QueueErrorCode.PopReceiptMismatch)
                {
                    // Storage applied a renewal whose answer never came, or another receiver has the message: renewing
                    // further cannot succeed, and the message may run again elsewhere.
                    QueueLog.LeaseLost(logger, queue.Name, message.MessageId, e);
                    return;
                }
#pragma warning disable CA1031 // A failed renewal is retried at the next turn; the function keeps running.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    QueueLog.RenewFailed(logger, queue.Name, message.MessageId, e);
                }
            }
        }
    }

    private async Task InvokeAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        await using var scope = services.CreateAsyncScope();
        await FunctionInvoker.InvokeAsync(
            function,
            scope.ServiceProvider,
            p => p.Kind switch
            {
                FunctionParameterKind.QueueMessage => message.Body.ToString(),
                FunctionParameterKind.DequeueCount when p.Type == typeof(int) => (int)message.DequeueCount,
                FunctionParameterKind.DequeueCount => message.DequeueCount,
                _ => throw new InvalidOperationException($"A queue function has no {p.Kind} to bind to '{p.Name}'."),
            },
            stoppingToken);
    }

    /// <summary>Deletes, releases or poisons the message. A failure is logged: the message comes back after its visibility timeout.</summary>
    private async Task SettleAsync(QueueMessage message, string receipt, Exception? failure, bool poison, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(SettleTimeout);
        try
        {
            if (poison)
            {
                await PoisonAsync(message, receipt, timeout.Token);
            }
            else if (failure is null)
            {
                await queue.DeleteMessageAsync(message.MessageId, receipt, timeout.Token);
                QueueLog.Processed(logger, queue.Name, message.MessageId, message.DequeueCount);
            }
            else if (failure is OperationCanceledException && stoppingToken.IsCancellationRequested)
            {
                // The host is stopping: another host may take the message at once, and this delivery does not poison it.
                await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: timeout.Token);
                QueueLog.Released(logger, queue.Name, message.MessageId);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                QueueLog.Poisoned(logger, queue.Name, message.MessageId, message.DequeueCount, failure);
                await PoisonAsync(message, receipt, timeout.Token);
            }
            else
            {
                QueueLog.Failed(logger, queue.Name, message.MessageId, message.DequeueCount, options.MaxDequeueCount, failure);
                await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: timeout.Token);
            }
        }
#pragma warning disable CA1031 // Any storage failure here leaves the message to reappear; the listener goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            QueueLog.SettleFailed(logger, queue.Name, message.MessageId, e);
        }
    }

    private async Task PoisonAsync(QueueMessage message, string receipt, CancellationToken cancellationToken)
    {
        await poisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poisonQueue.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, receipt, cancellationToken);
    }

    /// <summary>A message that is not Base64 can never be processed: it goes to the poison queue at once, as in Functions.</summary>
    private async Task MoveUndecodableAsync(QueueMessageDecodingFailedEventArgs args)
    {
        if (args.ReceivedMessage is not { } message)
        {
            return;
        }

        try
        {
            QueueLog.Undecodable(logger, queue.Name, message.MessageId);
            await poisonQueue.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken);
            await poisonQueue.SendMessageAsync(message.Body, cancellationToken: args.CancellationToken);
            await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
        }
#pragma warning disable CA1031 // The message comes back after its visibility timeout and is tried again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            QueueLog.SettleFailed(logger, queue.Name, message.MessageId, e);
        }
    }

    /// <summary>Waits until at most <paramref name="atMost"/> messages are running.</summary>
    private async Task WaitForInFlightAsync(int atMost, CancellationToken cancellationToken)
    {
        while (true)
        {
            // The signal is read before the count, so a message settling in between still wakes this wait.
            var signal = Volatile.Read(ref settled);
            if (Volatile.Read(ref inFlight) <= atMost)
            {
                return;
            }

            await signal.Task.WaitAsync(cancellationToken);
        }
    }
}
