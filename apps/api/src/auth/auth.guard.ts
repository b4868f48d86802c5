import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { UserRole } from '@tr/persistence';
import type { Request } from 'express';
import { ApiException } from '../common/api.exception';
import { ErrorCode } from '../common/error-code';
import type { AccessTokenClaims, AuthUser } from './auth-user';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { UsersRepository } from '../users/users.repository';

/** Global guard: a valid access token for an existing user, whose role the route allows. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const user = await this.authenticate(request);
    request.user = user;
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!roles.includes(user.role)) throw ApiException.forbidden();
    return true;
  }

  private async authenticate(request: Request): Promise<AuthUser> {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthenticated();
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw unauthenticated();
    }
    const user = await this.users.findAuthUser(claims.sub);
    if (!user) throw unauthenticated();
    return user;
  }
}

function unauthenticated(): ApiException {
  return new ApiException(
    ErrorCode.Unauthenticated,
    '请先登录（令牌缺失、无效或已过期）',
    'sign in first (the token is missing, invalid or expired)',
  );
}
