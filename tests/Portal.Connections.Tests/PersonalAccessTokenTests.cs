using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

public sealed class PersonalAccessTokenTests : IDisposable
{
    private readonly TestEngine _engine = TestEngine.Create();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task Token_is_shown_once_and_stored_only_as_a_hash()
    {
        // SEC-21
        var created = await _engine.Tokens.CreateAsync("u1", "laptop");

        var listed = await _engine.Tokens.ListAsync("u1");
        var raw = _engine.Db.DumpAllText().ToList();

        Assert.StartsWith("pat_", created.Token);
        Assert.True(created.Token.Length >= 40);
        Assert.DoesNotContain(raw, cell => cell.Contains(created.Token[4..], StringComparison.Ordinal));
        Assert.Contains(raw, cell => cell == Security.Hashing.Sha256Hex(created.Token));
        Assert.Equal(created.Prefix, listed.Single().Prefix);
        Assert.Equal("u1", await _engine.Tokens.ValidateAsync(created.Token));
    }

    [Fact]
    public async Task Revoked_expired_and_forged_tokens_do_not_validate()
    {
        // SEC-21
        var revoked = await _engine.Tokens.CreateAsync("u1", "a");
        var expiring = await _engine.Tokens.CreateAsync("u1", "b", _engine.Time.GetUtcNow().AddDays(1));
        await _engine.Tokens.RevokeAsync("u1", revoked.Id);
        _engine.Time.Advance(TimeSpan.FromDays(2));

        var results = new[]
        {
            await _engine.Tokens.ValidateAsync(revoked.Token),
            await _engine.Tokens.ValidateAsync(expiring.Token),
            await _engine.Tokens.ValidateAsync("pat_" + new string('x', 43)),
            await _engine.Tokens.ValidateAsync(""),
        };

        Assert.All(results, Assert.Null);
    }

    [Fact]
    public async Task Users_cannot_revoke_each_others_tokens()
    {
        var token = await _engine.Tokens.CreateAsync("u1", "a");

        var revoked = await _engine.Tokens.RevokeAsync("u2", token.Id);

        Assert.False(revoked);
        Assert.Equal("u1", await _engine.Tokens.ValidateAsync(token.Token));
    }
}
