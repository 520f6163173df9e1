interface User {
  readonly id: number;
  name: string;
  tags?: string[];
}

type Lookup = Record<string, User | undefined>;

@Injectable()
export class UserStore {
  private users: Lookup = {};

  add(user: User): void {
    // "interface" in a comment is no keyword
    this.users[user.id] = user;
  }

  find(id: number): User | undefined {
    return this.users[String(id)] as User;
  }
}

const store = new UserStore();
store.add({ id: 7, name: "Ada", tags: ['admin'] });
