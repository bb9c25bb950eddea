using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Text;

public class StringTableTests
{
    [Fact]
    public void Repeated_names_share_one_instance()
    {
        string first = StringTable.Substring("resource \"aws_db_instance\" {", 10, 15);
        string second = StringTable.Substring("data \"aws_db_instance\" {", 6, 15);
        Assert.Equal("aws_db_instance", first);
        Assert.Same(first, second);
        Assert.Same(first, StringTable.Share(new string("aws_db_instance".ToCharArray())));
    }

    [Fact]
    public void Every_answer_is_the_text_asked_for_even_when_slots_collide()
    {
        // 20,000 distinct names in 8,192 slots: many collide; each answer must still be its own text.
        for (int i = 0; i < 20_000; i++)
        {
            string text = "x name_" + i + " y";
            Assert.Equal("name_" + i, StringTable.Substring(text, 2, text.Length - 4));
            Assert.Equal("v" + i, StringTable.Share("v" + i));
        }
        string longName = new('a', 200);
        Assert.Equal(longName, StringTable.Substring(longName + "b", 0, 200));
    }
}
