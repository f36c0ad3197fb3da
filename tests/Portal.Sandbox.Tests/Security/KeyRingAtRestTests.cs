using Microsoft.Extensions.Logging;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests.Security;

public sealed class KeyRingAtRestTests
{
    // SEC-38 (L7)
    [Fact]
    public async Task The_data_protection_key_ring_is_encrypted_on_disk_and_startup_does_not_warn()
    {
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sandbox-keyring-" + Guid.NewGuid().ToString("N"));
        var options = new SandboxOptions { Url = "http://127.0.0.1:0", DataDirectory = dataDirectory };

        await using (var instance = await SandboxServer.StartAsync(options, loggerFactory))
        {
            using var browser = new BrowserSession(instance.Url);
            await browser.Http.GetStringAsync("/account/login?returnUrl=%2F");
        }

        var keys = Directory.GetFiles(Path.Combine(dataDirectory, "data-protection-keys"), "key-*.xml");
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            var xml = File.ReadAllText(key);
            Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(logs.Lines, line => line.Contains("No XML encryptor configured", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("stored in an unencrypted form", StringComparison.Ordinal));
    }
}
