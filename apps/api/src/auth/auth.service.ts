import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@tr/config';
import { APP_CONFIG } from '../config/app-config.token';
import { ApiException } from '../common/api.exception';
import { ErrorCode } from '../common/error-code';
import { UserResponseDto } from '../users/user.dto';
import { UsersRepository } from '../users/users.repository';
import type { AccessTokenClaims, AuthUser } from './auth-user';
import type { LoginDto, LoginResponseDto } from './login.dto';
import { hashPassword, verifyPassword } from '@tr/persistence';

@Injectable()
export class AuthService {
  /** Verified when the username is unknown, so a wrong name costs as long as a wrong password. */
  private readonly decoyHash = hashPassword('decoy password that never matches');

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(dto: LoginDto): Promise<LoginResponseDto> {
    const user = await this.users.findByUsername(dto.username);
    const valid = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), dto.password);
    if (!user || !valid) {
      throw new ApiException(ErrorCode.InvalidCredentials, '用户名或密码错误', 'wrong username or password');
    }
    const claims: AccessTokenClaims = { sub: user.id, role: user.role };
    return {
      access_token: await this.jwt.signAsync(claims),
      token_type: 'Bearer',
      expires_in: this.config.jwtTtlSeconds,
      user: UserResponseDto.from(user),
    };
  }

  async me(auth: AuthUser): Promise<AuthUser> {
    return auth;
  }
}
