using Microsoft.EntityFrameworkCore;
using Portal.Connections.Data;

namespace Portal.Connections.Tests.Infrastructure;

internal sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => ConnectionsModel.Configure(modelBuilder);
}
