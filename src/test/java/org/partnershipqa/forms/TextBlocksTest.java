package org.partnershipqa.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnershipqa.forms.FormField.TextBlock;

class TextBlocksTest {

  @Test
  void splitsMarkdownIntoHeadingsParagraphsAndLists() {
    List<TextBlock> blocks =
        TextBlocks.parse("## Before you start\nRead the\nguidance.\n\n* one\n* two\ncontinued\n1. first\n2) second\n\nEnd");

    assertThat(blocks)
        .containsExactly(
            new TextBlock("heading", 2, List.of("Before you start")),
            new TextBlock("paragraph", 0, List.of("Read the guidance.")),
            new TextBlock("bullets", 0, List.of("one", "two continued")),
            new TextBlock("numbers", 0, List.of("first", "second")),
            new TextBlock("paragraph", 0, List.of("End")));
  }

  @Test
  void keepsHtmlAsLiteralText() {
    assertThat(TextBlocks.parse("<script>alert(1)</script>"))
        .containsExactly(new TextBlock("paragraph", 0, List.of("<script>alert(1)</script>")));
    assertThat(TextBlocks.parse(null)).isEmpty();
  }
}
