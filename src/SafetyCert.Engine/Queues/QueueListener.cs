using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SafetyCert.Engine.Storage;

namespace SafetyCert.Engine.Queues;

/// <summary>
/// Runs a handler for every message of one queue: polls with exponential backoff while the queue is empty,
/// receives up to <see cref="QueueListenerOptions.BatchSize"/> messages at once and handles them together,
/// keeps each invisible while its handler runs, deletes it when the handler returns, and after the
/// <see cref="QueueListenerOptions.MaxDequeueCount"/>th failed delivery moves it to <c>&lt;queue&gt;-poison</c>.
/// All waiting goes through the <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class QueueListener
{
    private readonly QueueClient queue;
    private readonly QueueClient poisonQueue;
    private readonly QueueHandler handler;
    private readonly PoisonHandler? onPoison;
    private readonly QueueListenerOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    /// <summary>A listener over an existing queue and its poison queue.</summary>
    public QueueListener(
        QueueClient queue,
        QueueClient poisonQueue,
        QueueHandler handler,
        QueueListenerOptions? options = null,
        TimeProvider? time = null,
        PoisonHandler? onPoison = null,
        ILogger<QueueListener>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(poisonQueue);
        ArgumentNullException.ThrowIfNull(handler);
        this.queue = queue;
        this.poisonQueue = poisonQueue;
        this.handler = handler;
        this.onPoison = onPoison;
        this.options = options ?? new QueueListenerOptions();
        this.time = time ?? TimeProvider.System;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(this.options.BatchSize, 32);
    }

    /// <summary>The queue's full name.</summary>
    public string QueueName => queue.Name;

    /// <summary>Creates (if missing) the queue <c>{prefix}{name}</c> and its poison queue, and a listener over them.</summary>
    public static async Task<QueueListener> CreateAsync(
        StorageAccount storage,
        string name,
        QueueHandler handler,
        QueueListenerOptions? options = null,
        TimeProvider? time = null,
        PoisonHandler? onPoison = null,
        ILogger<QueueListener>? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var queue = await storage.QueueAsync(name, cancellationToken).ConfigureAwait(false);
        var poison = await storage.QueueAsync(name + "-poison", cancellationToken).ConfigureAwait(false);
        return new QueueListener(queue, poison, handler, options, time, onPoison, logger);
    }

    /// <summary>Handles messages until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = options.MinPollDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await ProcessBatchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (StorageRequestException e)
            {
                Log.ReceiveFailed(logger, queue.Name, e);
                received = 0;
            }

            if (received > 0)
            {
                delay = options.MinPollDelay;
                continue;
            }

            try
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = NextDelay(delay);
        }
    }

    /// <summary>The wait after another empty poll: doubled, at most <see cref="QueueListenerOptions.MaxPollDelay"/>.</summary>
    public TimeSpan NextDelay(TimeSpan delay) => delay * 2 < options.MaxPollDelay ? delay * 2 : options.MaxPollDelay;

    /// <summary>Receives one batch and handles it; returns how many messages were received.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        QueueMessage[] messages;
        try
        {
            messages = (await queue.ReceiveMessagesAsync(options.BatchSize, options.VisibilityTimeout, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e)
        {
            throw new StorageRequestException($"Storage refused to receive from {queue.Name}: {e.Status} {e.ErrorCode}.", e.Status, e.ErrorCode, e);
        }

        await Task.WhenAll(messages.Select(m => HandleAsync(m, cancellationToken))).ConfigureAwait(false);
        return messages.Length;
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var info = new QueueMessageInfo(queue.Name, message.MessageId, message.Body.ToString(), message.DequeueCount, message.InsertedOn);
        var receipt = message.PopReceipt;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = KeepInvisibleAsync(message.MessageId, () => receipt, r => receipt = r, running.Token);
        Exception? failure = null;
        try
        {
            await handler(info, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of a handler is a failed delivery; the message comes back or goes to poison.
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            failure = e;
        }
        finally
        {
            await running.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }

        try
        {
            if (failure is null)
            {
                await queue.DeleteMessageAsync(message.MessageId, receipt, cancellationToken).ConfigureAwait(false);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                Log.Poisoned(logger, queue.Name, message.MessageId, message.DequeueCount, failure);
                await poisonQueue.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
                await queue.DeleteMessageAsync(message.MessageId, receipt, cancellationToken).ConfigureAwait(false);
                if (onPoison is not null)
                {
                    await onPoison(info, failure, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                Log.HandlerFailed(logger, queue.Name, message.MessageId, message.DequeueCount, failure);
                await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: options.RetryDelay, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The pop receipt expired and another receiver owns the message now; it settles it.
        }
    }

    private async Task KeepInvisibleAsync(string messageId, Func<string> receipt, Action<string> renewed, CancellationToken cancellationToken)
    {
        var every = options.VisibilityTimeout / 2;
        try
        {
            while (true)
            {
                await Task.Delay(every, time, cancellationToken).ConfigureAwait(false);
                var response = await queue.UpdateMessageAsync(messageId, receipt(), visibilityTimeout: options.VisibilityTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
                renewed(response.Value.PopReceipt);
            }
        }
        catch (OperationCanceledException)
        {
            // The handler finished.
        }
        catch (RequestFailedException e)
        {
            Log.RenewFailed(logger, queue.Name, messageId, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving from {Queue} failed")]
        public static partial void ReceiveFailed(ILogger logger, string queue, Exception error);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} of {Queue} failed delivery {DequeueCount}")]
        public static partial void HandlerFailed(ILogger logger, string queue, string messageId, long dequeueCount, Exception error);

        [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} of {Queue} failed delivery {DequeueCount} and moved to the poison queue")]
        public static partial void Poisoned(ILogger logger, string queue, string messageId, long dequeueCount, Exception error);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Keeping message {MessageId} of {Queue} invisible failed")]
        public static partial void RenewFailed(ILogger logger, string queue, string messageId, Exception error);
    }
}
