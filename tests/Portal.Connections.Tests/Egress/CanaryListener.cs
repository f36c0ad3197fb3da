using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.Connections.Tests.Egress;

/// <summary>
/// A raw TCP listener on 127.0.0.1 that counts every accepted connection (stricter than counting requests) and answers
/// <c>/r?to=URL</c> with a 302 to URL, anything else with 200 "canary".
/// </summary>
public sealed class CanaryListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public CanaryListener()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptLoopAsync();
    }

    public int Port { get; }

    public string Origin => $"http://127.0.0.1:{Port}";

    public int Connections => Volatile.Read(ref _connections);

    public string RedirectTo(string target) => $"{Origin}/r?to={Uri.EscapeDataString(target)}";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private static async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync() ?? "";
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
                {
                }

                var target = requestLine.Split(' ') is [_, var path, ..] ? path : "/";
                var response = target.StartsWith("/r?to=", StringComparison.Ordinal)
                    ? $"HTTP/1.1 302 Found\r\nLocation: {Uri.UnescapeDataString(target["/r?to=".Length..])}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    : "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\nConnection: close\r\n\r\ncanary";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
            }
            catch (IOException)
            {
            }
        }
    }
}
