package dev.roster.identity.internal;

import dev.roster.identity.Images;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link Images} through the profile picture's checks ({@link Pictures}). */
@ApplicationScoped
class ImagesService implements Images {

  @Override
  public Image check(byte[] bytes) {
    Pictures.Checked checked = Pictures.check(bytes);
    return new Image(checked.mediaType(), checked.content());
  }
}
