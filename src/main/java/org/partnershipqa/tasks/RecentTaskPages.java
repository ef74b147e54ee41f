package org.partnershipqa.tasks;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.partnershipqa.forms.FormDefinition;
import org.springframework.web.util.WebUtils;

/**
 * The last few task pages this browser session was shown (the task as it was then, and its form), kept so that a
 * form sent while the database cannot be reached can be shown again with what the person typed, instead of
 * losing it. Only pages the person was allowed to open are kept; they live as long as the session.
 */
final class RecentTaskPages {

  record Page(Task task, FormDefinition form) {}

  private static final String ATTRIBUTE = RecentTaskPages.class.getName();
  private static final int KEPT = 5;

  private final Map<Long, Page> pages = new LinkedHashMap<>(KEPT, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Page> eldest) {
      return size() > KEPT;
    }
  };

  private RecentTaskPages() {}

  static void remember(HttpSession session, Task task, FormDefinition form) {
    RecentTaskPages recent = of(session);
    synchronized (recent.pages) {
      recent.pages.put(task.getId(), new Page(task, form));
    }
  }

  static Optional<Page> find(HttpSession session, long taskId) {
    RecentTaskPages recent = of(session);
    synchronized (recent.pages) {
      return Optional.ofNullable(recent.pages.get(taskId));
    }
  }

  private static RecentTaskPages of(HttpSession session) {
    synchronized (WebUtils.getSessionMutex(session)) {
      if (session.getAttribute(ATTRIBUTE) instanceof RecentTaskPages recent) {
        return recent;
      }
      RecentTaskPages recent = new RecentTaskPages();
      session.setAttribute(ATTRIBUTE, recent);
      return recent;
    }
  }
}
