package org.partnershipqa.people;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts {@code Authorization: Bearer <personal API token>}. Installed in the {@code /api/**} filter chain only, so a
 * token never opens an HTML page. Nothing is kept in a session: every call carries its token.
 */
class ApiTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final AuthenticationEntryPoint refused;

  ApiTokenFilter(ApiTokens tokens, AuthenticationEntryPoint refused) {
    this.tokens = tokens;
    this.refused = refused;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    Optional<PartnershipUser> user = tokens.authenticate(header.substring(BEARER.length()).trim());
    if (user.isEmpty()) {
      refused.commence(request, response, new BadCredentialsException("Unknown or revoked API token"));
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new ApiTokenAuthentication(user.get()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
